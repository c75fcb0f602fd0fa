package dev.eventsuite.enrich.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cleans extracted text before chunking: Unicode compatibility forms folded (NFKC), control
 * characters removed, runs of blanks collapsed, at most one empty line between paragraphs, and
 * boilerplate dropped: page numbers, lines repeated throughout a section (running headers and
 * footers) and common web chrome such as cookie notices.
 */
public final class TextCleaner {

  /** A line that appears this often in one section is a running header or footer. */
  private static final int REPEATED_LINE_THRESHOLD = 3;

  private static final int REPEATED_LINE_MAX_LENGTH = 120;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
  private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200A\\u3000]+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final List<Pattern> BOILERPLATE =
      List.of(
          Pattern.compile("(?i)^(page\\s+)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?$"),
          Pattern.compile("^[-–—]\\s*\\d{1,4}\\s*[-–—]$"),
          Pattern.compile("(?i)^(skip to (main )?content|back to top|table of contents)$"),
          Pattern.compile(
              "(?i).*\\b(we use cookies|accept (all )?cookies|cookie (policy|settings))\\b.*"),
          Pattern.compile("(?i)^(©|\\(c\\)|copyright).{0,80}all rights reserved\\.?$"));

  private TextCleaner() {}

  public static String clean(String text) {
    String normalised =
        Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\r\n", "\n").replace('\r', '\n');
    normalised = CONTROL.matcher(normalised).replaceAll("");
    List<String> lines = new ArrayList<>();
    for (String line : normalised.split("\n", -1)) {
      lines.add(BLANKS.matcher(line).replaceAll(" ").strip());
    }
    Map<String, Integer> occurrences = countRepeatable(lines);
    StringBuilder cleaned = new StringBuilder(normalised.length());
    boolean blankPending = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        blankPending = cleaned.length() > 0;
        continue;
      }
      if (isBoilerplate(line, occurrences)) {
        continue;
      }
      if (cleaned.length() > 0) {
        cleaned.append(blankPending ? "\n\n" : "\n");
      }
      cleaned.append(line);
      blankPending = false;
    }
    return cleaned.toString();
  }

  private static Map<String, Integer> countRepeatable(List<String> lines) {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines) {
      if (isRepeatable(line)) {
        counts.merge(line, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Headings and lines without letters (rules, table borders) are kept even when repeated. */
  private static boolean isRepeatable(String line) {
    return !line.isEmpty()
        && line.length() <= REPEATED_LINE_MAX_LENGTH
        && !line.startsWith("#")
        && LETTER.matcher(line).find();
  }

  private static boolean isBoilerplate(String line, Map<String, Integer> occurrences) {
    if (occurrences.getOrDefault(line, 0) >= REPEATED_LINE_THRESHOLD) {
      return true;
    }
    for (Pattern pattern : BOILERPLATE) {
      if (pattern.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }
}
