package dev.eventsuite.search.domain;

import java.util.Locale;

/** How results are found. */
public enum Mode {
  /** By meaning: the query's embedding against the chunks'. */
  SEMANTIC,
  /** By words: BM25 over title and text. */
  KEYWORD,
  /** Both, fused by reciprocal rank. */
  HYBRID;

  /** The mode by its lower-case name; null for null. */
  public static Mode of(String name) {
    return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
