package dev.eventsuite.launcher.search;

import java.util.List;
import java.util.Locale;

/**
 * Search results as a table for a terminal of a given width: rank, score, title and source on one
 * line, the snippet indented below; what does not fit is cut with {@code …}.
 */
public final class ResultTable {

  private static final int MIN_TITLE = 20;

  private ResultTable() {}

  public static String format(List<SearchClient.Hit> hits, int width) {
    if (hits.isEmpty()) {
      return "Nothing found.\n";
    }
    int rankWidth = String.valueOf(hits.size()).length();
    int fixed = rankWidth + 2 + 5 + 2;
    int rest = Math.max(MIN_TITLE * 2, width - fixed - 2);
    int titleWidth =
        Math.min(
            Math.max(MIN_TITLE, hits.stream().mapToInt(h -> h.title().length()).max().orElse(0)),
            rest / 2);
    int sourceWidth = Math.max(10, rest - titleWidth);
    String row = "%" + rankWidth + "s  %-5s  %-" + titleWidth + "s  %s%n";
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, row, "#", "score", "title", "source"));
    String indent = " ".repeat(rankWidth + 2);
    for (int i = 0; i < hits.size(); i++) {
      SearchClient.Hit hit = hits.get(i);
      table.append(
          String.format(
              Locale.ROOT,
              row,
              i + 1,
              String.format(Locale.ROOT, "%.3f", hit.score()),
              cut(hit.title(), titleWidth),
              cut(hit.source(), sourceWidth)));
      if (!hit.snippet().isBlank()) {
        table
            .append(indent)
            .append(cut(hit.snippet(), Math.max(20, width - indent.length())))
            .append('\n');
      }
    }
    return table.toString();
  }

  static String cut(String text, int width) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
  }
}
