package dev.eventsuite.vectors.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which chunks a search may return; every part that is set must hold (null or empty: any).
 *
 * @param collection only this collection
 * @param categories only these categories (any of them)
 * @param contentType only this media type
 * @param createdAfter only documents created at or after this
 * @param createdBefore only documents created before this
 * @param metadata only chunks whose metadata has each of these keys with exactly this value; kept
 *     in key order
 */
public record ChunkFilter(
    String collection,
    List<String> categories,
    String contentType,
    Instant createdAfter,
    Instant createdBefore,
    Map<String, String> metadata) {

  /** What a metadata key may look like; keys are matched, never interpreted. */
  public static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /** Every chunk. */
  public static final ChunkFilter NONE = new ChunkFilter(null, null, null, null, null, null);

  public ChunkFilter {
    categories = categories == null ? List.of() : List.copyOf(categories);
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    for (String key : metadata.keySet()) {
      if (!METADATA_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "metadata key '" + key + "' must match " + METADATA_KEY.pattern());
      }
    }
  }

  public static ChunkFilter collection(String collection) {
    return new ChunkFilter(collection, null, null, null, null, null);
  }

  public boolean isEmpty() {
    return collection == null
        && categories.isEmpty()
        && contentType == null
        && createdAfter == null
        && createdBefore == null
        && metadata.isEmpty();
  }
}
