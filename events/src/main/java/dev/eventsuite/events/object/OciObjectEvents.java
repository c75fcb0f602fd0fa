package dev.eventsuite.events.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes OCI Object Storage events, which use the CloudEvents <b>0.1</b> envelope ({@code
 * eventType}, {@code eventID}, {@code eventTime}, {@code source}, {@code data}).
 *
 * <p>Reading is lenient: field names and the {@code source} value match regardless of case, unknown
 * fields are ignored, and what a missing optional field would have said is taken from {@code
 * data.resourceId} ({@code /n/ns/b/bucket/o/object}) where possible.
 */
public final class OciObjectEvents {

  private static final String EVENT_TYPE_PREFIX = "com.oraclecloud.objectstorage.";
  private static final String SOURCE = "ObjectStorage";

  private OciObjectEvents() {}

  /** Parses one event from JSON bytes. */
  public static OciEventParseResult parse(byte[] json) {
    try {
      return parse(EventJson.tree(json));
    } catch (InvalidEventException e) {
      return new OciEventParseResult.Rejected(e.getMessage());
    }
  }

  /** Parses one event already read as JSON. */
  public static OciEventParseResult parse(JsonNode event) {
    if (event == null || !event.isObject()) {
      return new OciEventParseResult.Rejected("an OCI event must be a JSON object");
    }
    String eventType = text(event, "eventType");
    if (eventType == null) {
      return new OciEventParseResult.Rejected(
          "the event has no 'eventType'; OCI events use the CloudEvents 0.1 envelope");
    }
    String source = text(event, "source");
    boolean fromObjectStorage =
        eventType.toLowerCase(Locale.ROOT).startsWith(EVENT_TYPE_PREFIX)
            && (source == null || source.equalsIgnoreCase(SOURCE));
    if (!fromObjectStorage) {
      return new OciEventParseResult.Ignored(eventType, "not an Object Storage event");
    }
    var change = ObjectChange.ofOciEventType(eventType);
    if (change.isEmpty()) {
      return new OciEventParseResult.Ignored(eventType, "not an object create, update or delete");
    }
    JsonNode data = field(event, "data");
    if (data == null || !data.isObject()) {
      return new OciEventParseResult.Rejected("the " + eventType + " event has no 'data' object");
    }
    try {
      return new OciEventParseResult.Accepted(objectChanged(event, change.get(), data));
    } catch (InvalidEventException e) {
      return new OciEventParseResult.Rejected(e.getMessage());
    }
  }

  private static ObjectChanged objectChanged(JsonNode event, ObjectChange change, JsonNode data) {
    JsonNode details = field(data, "additionalDetails");
    ResourceId resource = ResourceId.parse(text(data, "resourceId"));
    String namespace = firstNonNull(text(details, "namespace"), resource.namespace());
    String bucket = firstNonNull(text(details, "bucketName"), resource.bucket());
    String objectName = firstNonNull(rawText(data, "resourceName"), resource.object());
    if (namespace == null) {
      throw new InvalidEventException(
          "the event names no namespace: expected data.additionalDetails.namespace or"
              + " data.resourceId");
    }
    if (bucket == null) {
      throw new InvalidEventException(
          "the event names no bucket: expected data.additionalDetails.bucketName or"
              + " data.resourceId");
    }
    if (objectName == null || objectName.isEmpty()) {
      throw new InvalidEventException(
          "the event names no object: expected data.resourceName or data.resourceId");
    }
    String eTag = text(details, "eTag");
    String time = text(event, "eventTime");
    Instant eventTime = time == null ? null : Timestamps.parse(time);
    String eventId = text(event, "eventID");
    if (eventId == null) {
      eventId = EventIds.of(change, namespace, bucket, objectName, eTag, time);
    }
    return new ObjectChanged(
        eventId,
        change,
        eventTime,
        namespace,
        bucket,
        objectName,
        eTag,
        firstNonNull(
            text(data, "compartmentId"), text(field(event, "extensions"), "compartmentId")),
        tags(field(data, "freeFormTags")));
  }

  /**
   * Writes an object change as OCI Events would deliver it, so local buckets and the upload API
   * feed the same topic in the same shape as a real bucket.
   */
  public static byte[] toJson(ObjectChanged event) {
    ObjectNode envelope = EventJson.mapper().createObjectNode();
    envelope.put("cloudEventsVersion", "0.1");
    envelope.put("eventID", event.eventId());
    envelope.put("eventType", event.change().ociEventType());
    envelope.put("source", SOURCE);
    envelope.put("eventTypeVersion", "2.0");
    if (event.eventTime() != null) {
      envelope.put("eventTime", event.eventTime().toString());
    }
    envelope.put("contentType", "application/json");
    if (event.compartmentId() != null) {
      envelope.putObject("extensions").put("compartmentId", event.compartmentId());
    }
    ObjectNode data = envelope.putObject("data");
    if (event.compartmentId() != null) {
      data.put("compartmentId", event.compartmentId());
    }
    data.put("resourceName", event.objectName());
    data.put("resourceId", event.resourceId());
    if (!event.freeFormTags().isEmpty()) {
      ObjectNode tags = data.putObject("freeFormTags");
      event.freeFormTags().forEach(tags::put);
    }
    ObjectNode details = data.putObject("additionalDetails");
    if (event.eTag() != null) {
      details.put("eTag", event.eTag());
    }
    details.put("namespace", event.namespace());
    details.put("bucketName", event.bucket());
    return EventJson.toBytes(envelope);
  }

  /** The child of a JSON object whose name matches regardless of case; null when absent. */
  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /** A trimmed, non-empty text field, or null. */
  private static String text(JsonNode node, String name) {
    String value = rawText(node, name);
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** A text field exactly as sent: object names may begin or end with spaces. */
  private static String rawText(JsonNode node, String name) {
    JsonNode value = field(node, name);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static Map<String, String> tags(JsonNode node) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
    }
    return tags;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }

  /** The parts of an Object Storage resource id {@code /n/ns/b/bucket/o/object}. */
  private record ResourceId(String namespace, String bucket, String object) {

    static ResourceId parse(String resourceId) {
      if (resourceId == null || !resourceId.startsWith("/n/")) {
        return new ResourceId(null, null, null);
      }
      int bucketMark = resourceId.indexOf("/b/", 3);
      if (bucketMark < 0) {
        return new ResourceId(null, null, null);
      }
      String namespace = resourceId.substring(3, bucketMark);
      int objectMark = resourceId.indexOf("/o/", bucketMark + 3);
      if (objectMark < 0) {
        return new ResourceId(namespace, resourceId.substring(bucketMark + 3), null);
      }
      return new ResourceId(
          namespace,
          resourceId.substring(bucketMark + 3, objectMark),
          resourceId.substring(objectMark + 3));
    }
  }
}
