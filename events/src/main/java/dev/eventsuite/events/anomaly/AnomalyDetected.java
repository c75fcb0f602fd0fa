package dev.eventsuite.events.anomaly;

import dev.eventsuite.events.feature.FeaturesUpdated;
import java.time.Instant;
import java.util.Objects;

/**
 * A metric event that a detector scored beyond its threshold.
 *
 * @param anomalyId stable: derived from the event id and the detector, so a replay gives the same
 * @param entityId the entity
 * @param metric the metric; null for the unnamed metric
 * @param eventId the metric event behind it
 * @param eventTime the metric event's time
 * @param value the metric event's value
 * @param method the detector, e.g. {@code zscore}, {@code robust-zscore}, {@code model:name}
 * @param feature the feature the detector scored, e.g. {@code delta}
 * @param score the detector's score, e.g. a z-score
 * @param threshold the score's threshold, exceeded in absolute value
 * @param features the feature snapshot the score was computed from
 * @param detectedAt when it was detected
 */
public record AnomalyDetected(
    String anomalyId,
    String entityId,
    String metric,
    String eventId,
    Instant eventTime,
    Double value,
    String method,
    String feature,
    double score,
    double threshold,
    FeaturesUpdated features,
    Instant detectedAt) {

  public static final String TYPE = "dev.eventsuite.anomaly.detected";

  public AnomalyDetected {
    Objects.requireNonNull(anomalyId, "anomalyId");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(method, "method");
  }
}
