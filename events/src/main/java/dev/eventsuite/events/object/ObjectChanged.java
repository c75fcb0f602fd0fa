package dev.eventsuite.events.object;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An object in a bucket was created, updated or deleted: what the suite reads from an OCI Object
 * Storage event (or the local bucket watcher's event of the same shape).
 *
 * @param eventId the OCI event id
 * @param change what happened
 * @param eventTime when it happened; null when the event did not say
 * @param namespace the Object Storage namespace ({@code local} for local buckets)
 * @param bucket the bucket name
 * @param objectName the object name, which may contain {@code /}, spaces and any Unicode
 * @param eTag the object version's entity tag; null for most deletions
 * @param compartmentId the compartment OCID; null for local buckets
 * @param freeFormTags the bucket's or object's free-form tags, when the event carries them
 */
public record ObjectChanged(
    String eventId,
    ObjectChange change,
    Instant eventTime,
    String namespace,
    String bucket,
    String objectName,
    String eTag,
    String compartmentId,
    Map<String, String> freeFormTags) {

  public ObjectChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(objectName, "objectName");
    freeFormTags = freeFormTags == null ? Map.of() : Map.copyOf(freeFormTags);
  }

  /** The record key on {@code object-events}: {@code namespace/bucket/object}. */
  public String objectPath() {
    return namespace + "/" + bucket + "/" + objectName;
  }

  /** The OCI resource id of the object: {@code /n/namespace/b/bucket/o/object}. */
  public String resourceId() {
    return "/n/" + namespace + "/b/" + bucket + "/o/" + objectName;
  }
}
