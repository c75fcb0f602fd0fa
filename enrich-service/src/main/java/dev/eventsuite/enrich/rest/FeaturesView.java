package dev.eventsuite.enrich.rest;

import dev.eventsuite.enrich.domain.FeatureSnapshot;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.SeriesFeatures;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An entity's features as the API returns them.
 *
 * @param entityId the entity
 * @param asOf the entity's latest event time; windows end there
 * @param activity features of all its events
 * @param series features of each metric it reports, by metric name (the unnamed metric first)
 * @param lastEventId the last event applied
 * @param source where that event was read
 */
public record FeaturesView(
    String entityId,
    Instant asOf,
    EntityActivity activity,
    List<SeriesFeatures> series,
    String lastEventId,
    SourcePosition source) {

  static FeaturesView of(FeatureSnapshot snapshot) {
    return new FeaturesView(
        snapshot.entityId(),
        snapshot.asOf(),
        snapshot.activity(),
        snapshot.series().values().stream()
            .sorted(Comparator.comparing(s -> s.metric() == null ? "" : s.metric()))
            .toList(),
        snapshot.lastEventId(),
        snapshot.source());
  }
}
