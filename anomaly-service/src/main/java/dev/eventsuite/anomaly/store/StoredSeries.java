package dev.eventsuite.anomaly.store;

import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.FeaturesUpdated;

/**
 * A series' state as the store keeps it.
 *
 * @param key the entity and metric
 * @param position the features record the state reflects
 * @param method the detector the state belongs to
 * @param detectorState what the detector learnt
 * @param latest the latest features applied; null when none was scored yet
 */
public record StoredSeries(
    SeriesKey key,
    SourcePosition position,
    String method,
    byte[] detectorState,
    FeaturesUpdated latest) {}
