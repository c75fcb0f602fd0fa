package dev.eventsuite.events.metric;

import dev.eventsuite.events.CloudEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One observation about an entity: a named metric with a value, or a count-only event of a type.
 *
 * <p>This is the canonical form on {@code metric-events}; producers may also send the other shapes
 * {@link MetricEventParser} accepts.
 *
 * @param eventId the event's id when the producer gave one; consumers fall back to the record's
 *     position, which is stable across replays
 * @param entityId the entity the event is about (user, device, host, ...)
 * @param metric the metric's name; null for the unnamed metric of the short shapes
 * @param value the measured value; null for a count-only event
 * @param eventType the kind of event, e.g. {@code login}; may be null
 * @param timestamp when the event happened (event time)
 * @param attributes further fields as text
 */
public record MetricRecorded(
    String eventId,
    String entityId,
    String metric,
    Double value,
    String eventType,
    Instant timestamp,
    Map<String, String> attributes) {

  public static final String TYPE = "dev.eventsuite.metric.recorded";

  public MetricRecorded {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(timestamp, "timestamp");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Whether the event only counts an occurrence and carries no value. */
  public boolean isCountOnly() {
    return value == null;
  }

  /**
   * The event's CloudEvents attributes as the given service publishes it. No subject: the record's
   * key is the entity already.
   *
   * @param id the producer's event id, or one derived from where the event came from
   */
  public CloudEvent cloudEvent(String id, String source) {
    return new CloudEvent(id, TYPE, source, timestamp, null);
  }

  /** The same event with the given id, used when the producer sent none. */
  public MetricRecorded withEventId(String id) {
    return new MetricRecorded(id, entityId, metric, value, eventType, timestamp, attributes);
  }
}
