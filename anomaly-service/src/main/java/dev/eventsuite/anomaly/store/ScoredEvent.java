package dev.eventsuite.anomaly.store;

import dev.eventsuite.events.SourcePosition;
import java.time.Instant;

/**
 * One scored feature snapshot, as stored and charted.
 *
 * @param eventId the metric event's id
 * @param entityId the entity
 * @param metric the metric, {@code _} for the unnamed one
 * @param eventTime the event's time
 * @param value the event's value
 * @param input the feature the detector scored; null for the model detector
 * @param score the score
 * @param anomaly whether the score passed the threshold
 * @param method the detector
 * @param scoredAt when it was scored
 * @param position where its features were read; null when read back from the store
 */
public record ScoredEvent(
    String eventId,
    String entityId,
    String metric,
    Instant eventTime,
    Double value,
    Double input,
    double score,
    boolean anomaly,
    String method,
    Instant scoredAt,
    SourcePosition position) {}
