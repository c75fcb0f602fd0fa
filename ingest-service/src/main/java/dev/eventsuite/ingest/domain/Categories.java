package dev.eventsuite.ingest.domain;

import java.util.Map;

/**
 * A document's category: a bucket's own when it has one, else by rule the object name's first
 * folder ({@code reports/2025/q1.pdf} is in {@code reports}) or the bucket.
 */
public final class Categories {

  /** How a category is derived when the bucket has none of its own. */
  public enum Rule {
    PREFIX,
    BUCKET,
    NONE
  }

  private final Rule rule;
  private final Map<String, String> bucketCategories;

  public Categories(Rule rule, Map<String, String> bucketCategories) {
    this.rule = rule;
    this.bucketCategories = Map.copyOf(bucketCategories);
  }

  /** The category of an object; null when it has none. */
  public String of(String bucket, String objectName) {
    String fixed = bucketCategories.get(bucket);
    if (fixed != null) {
      return fixed;
    }
    return switch (rule) {
      case PREFIX -> {
        int slash = objectName.indexOf('/');
        yield slash > 0 ? objectName.substring(0, slash) : null;
      }
      case BUCKET -> bucket;
      case NONE -> null;
    };
  }
}
