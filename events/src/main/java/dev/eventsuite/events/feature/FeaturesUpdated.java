package dev.eventsuite.events.feature;

import dev.eventsuite.events.SourcePosition;
import java.time.Instant;
import java.util.Objects;

/**
 * An entity's features right after one metric event: what enrich-service publishes on {@code
 * features} for every event it applies.
 *
 * @param entityId the entity
 * @param eventId the id of the metric event behind this snapshot
 * @param eventTime the metric event's time
 * @param metric the event's metric name; null for the unnamed metric
 * @param value the event's value; null for a count-only event
 * @param eventType the event's type; may be null
 * @param late whether the event was older than the entity's latest event: it then updates counts,
 *     statistics and windows but not the last value, delta, ratio or EWMA
 * @param activity features of the entity's events of any metric and type
 * @param series features of the event's metric; null for a count-only event
 * @param source where the metric event was read
 * @param computedAt when the snapshot was computed
 */
public record FeaturesUpdated(
    String entityId,
    String eventId,
    Instant eventTime,
    String metric,
    Double value,
    String eventType,
    boolean late,
    EntityActivity activity,
    SeriesFeatures series,
    SourcePosition source,
    Instant computedAt) {

  public static final String TYPE = "dev.eventsuite.features.updated";

  public FeaturesUpdated {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(activity, "activity");
  }
}
