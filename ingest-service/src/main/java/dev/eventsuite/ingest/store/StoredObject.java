package dev.eventsuite.ingest.store;

import java.time.Instant;
import java.util.Map;

/**
 * One version of an object.
 *
 * @param namespace the Object Storage namespace ({@code local} for local buckets)
 * @param bucket the bucket
 * @param name the object name
 * @param eTag the version's entity tag
 * @param size its size in bytes
 * @param modified when it was last written
 * @param contentType the media type it was stored with; may be null
 * @param userMetadata the user metadata it was stored with ({@code opc-meta-*})
 */
public record StoredObject(
    String namespace,
    String bucket,
    String name,
    String eTag,
    long size,
    Instant modified,
    String contentType,
    Map<String, String> userMetadata) {

  public StoredObject {
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
  }

  /** {@code namespace/bucket/name}: the key of its events. */
  public String path() {
    return namespace + "/" + bucket + "/" + name;
  }
}
