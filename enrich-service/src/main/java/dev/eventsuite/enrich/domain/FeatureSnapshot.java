package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.SeriesFeatures;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An entity's features as of its latest event: what the lookup API answers. Immutable, so readers
 * never see a half-applied event.
 *
 * @param entityId the entity
 * @param asOf the latest event time, at which the windows are evaluated
 * @param activity features of all the entity's events
 * @param series features of each metric, by metric name ({@code ""} for the unnamed metric)
 * @param lastEventId the id of the last event applied
 * @param source where that event was read
 */
public record FeatureSnapshot(
    String entityId,
    Instant asOf,
    EntityActivity activity,
    Map<String, SeriesFeatures> series,
    String lastEventId,
    SourcePosition source) {

  public FeatureSnapshot {
    series = Map.copyOf(series);
  }

  FeatureSnapshot with(
      Instant latest,
      EntityActivity newActivity,
      String metricKey,
      SeriesFeatures seriesFeatures,
      String eventId,
      SourcePosition position) {
    Map<String, SeriesFeatures> updated = series;
    if (seriesFeatures != null) {
      updated = new HashMap<>(series);
      updated.put(metricKey, seriesFeatures);
    }
    return new FeatureSnapshot(entityId, latest, newActivity, updated, eventId, position);
  }
}
