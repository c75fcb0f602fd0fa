package dev.eventsuite.ingest.rest;

import dev.eventsuite.ingest.store.StoredObject;
import java.time.Instant;
import java.util.Map;

/** An object as the bucket API shows it. */
public record ObjectView(
    String bucket,
    String name,
    String eTag,
    long size,
    Instant modified,
    String contentType,
    Map<String, String> metadata) {

  static ObjectView of(StoredObject object) {
    return new ObjectView(
        object.bucket(),
        object.name(),
        object.eTag(),
        object.size(),
        object.modified(),
        object.contentType(),
        object.userMetadata());
  }
}
