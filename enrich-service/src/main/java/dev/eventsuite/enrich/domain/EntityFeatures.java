package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.metric.MetricRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running features of one entity: activity over all its events, and one {@link SeriesState} per
 * metric it reports.
 *
 * <p>An event is <em>in order</em> when its time is at or after the entity's latest event time; it
 * then updates everything. A <em>late</em> event within the allowed lateness updates counts,
 * statistics and the windows it falls in, but not the last value, delta, ratio or EWMA. Anything
 * later changes nothing.
 */
public final class EntityFeatures {

  private static final String UNNAMED_METRIC = "";

  final String entityId;
  long totalEvents;
  Instant latestEventTime;
  String lastEventType;
  Double secondsSincePrevious;
  String lastEventId;
  SourcePosition lastApplied;
  final AppliedEvents applied;
  final SlidingWindow[] activity;
  final Map<String, SeriesState> series;
  private volatile FeatureSnapshot snapshot;

  public EntityFeatures(String entityId, FeatureSettings settings) {
    this.entityId = entityId;
    this.applied = new AppliedEvents();
    this.activity = settings.newWindows();
    this.series = new HashMap<>();
  }

  /** Restores an entity from stored state; see {@link EntityFeaturesCodec}. */
  EntityFeatures(
      String entityId,
      long totalEvents,
      Instant latestEventTime,
      String lastEventType,
      Double secondsSincePrevious,
      String lastEventId,
      SourcePosition lastApplied,
      AppliedEvents applied,
      SlidingWindow[] activity,
      Map<String, SeriesState> series,
      FeatureSettings settings) {
    this.entityId = entityId;
    this.totalEvents = totalEvents;
    this.latestEventTime = latestEventTime;
    this.lastEventType = lastEventType;
    this.secondsSincePrevious = secondsSincePrevious;
    this.lastEventId = lastEventId;
    this.lastApplied = lastApplied;
    this.applied = applied;
    this.activity = activity;
    this.series = series;
    this.snapshot = latestEventTime == null ? null : fullSnapshot(settings);
  }

  /** The features as of the latest event, safe to read from any thread; null before any event. */
  public FeatureSnapshot snapshot() {
    return snapshot;
  }

  public String entityId() {
    return entityId;
  }

  /** The position of the last event applied, or null. */
  public SourcePosition lastApplied() {
    return lastApplied;
  }

  /**
   * Applies an event read at the given position, unless it is a replay of this position or a repeat
   * of an event its origin says was applied already.
   *
   * @param now the time to stamp the snapshot with
   */
  public ApplyOutcome apply(
      MetricRecorded event,
      SourcePosition position,
      EventOrigin origin,
      FeatureSettings settings,
      Instant now) {
    if (lastApplied != null && position.isAtOrBefore(lastApplied)) {
      return new ApplyOutcome.AlreadyApplied();
    }
    if (applied.isRepeat(origin)) {
      return new ApplyOutcome.Repeated();
    }
    long time = event.timestamp().toEpochMilli();
    boolean late = latestEventTime != null && event.timestamp().isBefore(latestEventTime);
    if (late && latestEventTime.toEpochMilli() - time > settings.allowedLateness().toMillis()) {
      applied.remember(origin);
      return new ApplyOutcome.TooLate(
          "event time "
              + event.timestamp()
              + " is "
              + Duration.ofMillis(latestEventTime.toEpochMilli() - time)
              + " behind entity "
              + entityId
              + "'s latest event ("
              + latestEventTime
              + "); the allowed lateness is "
              + settings.allowedLateness());
    }
    Double secondsSincePrevious =
        late || latestEventTime == null ? null : (time - latestEventTime.toEpochMilli()) / 1000.0;
    long end = late ? latestEventTime.toEpochMilli() : time;

    totalEvents++;
    for (SlidingWindow window : activity) {
      if (window.reaches(time, end)) {
        window.add(time, Double.NaN);
      }
    }
    if (!late) {
      latestEventTime = event.timestamp();
      if (event.eventType() != null) {
        lastEventType = event.eventType();
      }
    }
    SeriesFeatures seriesFeatures = null;
    SeriesFeatures snapshotSeries = null;
    if (!event.isCountOnly()) {
      SeriesState state =
          series.computeIfAbsent(
              seriesKey(event.metric()), k -> new SeriesState(event.metric(), settings));
      if (late) {
        state.addLate(time, event.value(), end);
      } else {
        state.addLatest(time, event.value(), settings.ewmaAlpha());
      }
      state.evict(end);
      seriesFeatures = state.features(end, settings, late);
      snapshotSeries = late ? state.features(end, settings, false) : seriesFeatures;
    }
    for (SlidingWindow window : activity) {
      window.evict(end);
    }
    lastApplied = position;
    applied.remember(origin);
    lastEventId = event.eventId();
    if (!late) {
      this.secondsSincePrevious = secondsSincePrevious;
    }
    EntityActivity activityFeatures = activity(end, settings, this.secondsSincePrevious);
    publishSnapshot(seriesKey(event.metric()), activityFeatures, snapshotSeries, position);

    return new ApplyOutcome.Applied(
        new FeaturesUpdated(
            entityId,
            event.eventId(),
            event.timestamp(),
            event.metric(),
            event.value(),
            event.eventType(),
            late,
            late ? activityWithout(activityFeatures) : activityFeatures,
            seriesFeatures,
            position,
            now));
  }

  /** A late event's own snapshot has no time since a previous event: it came out of order. */
  private static EntityActivity activityWithout(EntityActivity activity) {
    return new EntityActivity(
        activity.totalEvents(),
        activity.eventCounts(),
        activity.lastEventTime(),
        activity.lastEventType(),
        null);
  }

  private void publishSnapshot(
      String metricKey,
      EntityActivity activityFeatures,
      SeriesFeatures seriesFeatures,
      SourcePosition position) {
    FeatureSnapshot current = snapshot;
    snapshot =
        current == null
            ? new FeatureSnapshot(
                entityId,
                latestEventTime,
                activityFeatures,
                seriesFeatures == null ? Map.of() : Map.of(metricKey, seriesFeatures),
                lastEventId,
                position)
            : current.with(
                latestEventTime,
                activityFeatures,
                metricKey,
                seriesFeatures,
                lastEventId,
                position);
  }

  private FeatureSnapshot fullSnapshot(FeatureSettings settings) {
    long end = latestEventTime.toEpochMilli();
    Map<String, SeriesFeatures> all = new HashMap<>();
    series.forEach((key, state) -> all.put(key, state.features(end, settings, false)));
    return new FeatureSnapshot(
        entityId,
        latestEventTime,
        activity(end, settings, secondsSincePrevious),
        all,
        lastEventId,
        lastApplied);
  }

  private EntityActivity activity(
      long endMillis, FeatureSettings settings, Double secondsSincePrevious) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < activity.length; i++) {
      counts.put(
          FeatureSettings.label(settings.windows().get(i)), activity[i].aggregate(endMillis).count);
    }
    return new EntityActivity(
        totalEvents, counts, latestEventTime, lastEventType, secondsSincePrevious);
  }

  static String seriesKey(String metric) {
    return metric == null ? UNNAMED_METRIC : metric;
  }
}
