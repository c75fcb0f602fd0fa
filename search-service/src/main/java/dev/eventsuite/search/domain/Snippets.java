package dev.eventsuite.search.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The part of a chunk's text to show with a result: around the first word of the query in it. */
public final class Snippets {

  /** How much text comes before the first matched word. */
  private static final int LEAD = 60;

  /** Words too common to place a snippet by. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "i",
          "in", "is", "it", "of", "on", "or", "the", "to", "was", "what", "when", "where", "which",
          "who", "why", "with");

  private Snippets() {}

  /**
   * At most {@code maxChars} of the text, starting a little before the first word that begins with
   * one of the query's words (the commonest left out), cut at word boundaries; {@code …} marks a
   * cut.
   */
  public static String of(String text, String query, int maxChars) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= maxChars) {
      return flat;
    }
    int hit = firstHit(flat.toLowerCase(Locale.ROOT), words(query));
    int start = hit <= LEAD ? 0 : wordStart(flat, hit - LEAD);
    int end = Math.min(flat.length(), start + maxChars);
    if (end < flat.length()) {
      int space = flat.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    return (start > 0 ? "…" : "")
        + flat.substring(start, end).strip()
        + (end < flat.length() ? "…" : "");
  }

  private static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  private static int firstHit(String text, List<String> words) {
    if (words.isEmpty()) {
      return 0;
    }
    Matcher hit =
        Pattern.compile(
                "(?<![\\p{L}\\p{N}])("
                    + words.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")")
            .matcher(text);
    return hit.find() ? hit.start() : 0;
  }

  private static int wordStart(String text, int from) {
    int space = text.indexOf(' ', from);
    return space < 0 ? from : space + 1;
  }
}
