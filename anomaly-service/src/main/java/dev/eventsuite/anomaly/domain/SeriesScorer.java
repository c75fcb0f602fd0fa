package dev.eventsuite.anomaly.domain;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import java.time.Duration;
import java.time.Instant;

/**
 * One entity's metric as anomaly-service follows it: its detector, the latest features it applied
 * and the position of the record they came in. Remembering the position makes a replay after a
 * crash change nothing. The stream applies features while live scoring peeks from other threads.
 */
public final class SeriesScorer {

  private final DetectorSpec spec;
  private final Detector detector;
  private final VectorModel model;
  private FeaturesUpdated latest;
  private SourcePosition position;

  /**
   * @param baseline the metric's statistics over all entities, for a z-score with a global baseline
   * @param model the model of a model detector; null for the others
   */
  public SeriesScorer(DetectorSpec spec, RunningStats baseline, VectorModel model) {
    this.spec = spec;
    this.model = model;
    this.detector = spec.method() == DetectorSpec.Method.MODEL ? null : spec.newDetector(baseline);
    if (spec.method() == DetectorSpec.Method.MODEL && model == null) {
      throw new IllegalArgumentException("no model named '" + spec.model() + "'");
    }
  }

  public DetectorSpec spec() {
    return spec;
  }

  /** The latest features applied; null before the first. */
  public FeaturesUpdated latest() {
    return latest;
  }

  /** Where the latest features were read; null before the first. */
  public SourcePosition position() {
    return position;
  }

  /** What the detector learnt; empty for the model detector, which learns nothing. */
  public byte[] detectorState() {
    return detector == null ? new byte[0] : detector.state();
  }

  /**
   * Takes back what was stored: the latest features, their position and the detector's state; a
   * null or empty state leaves the detector fresh.
   */
  public void restore(FeaturesUpdated latest, SourcePosition position, byte[] detectorState) {
    if (detector != null && detectorState != null && detectorState.length > 0) {
      detector.restore(detectorState);
    }
    this.latest = latest;
    this.position = position;
  }

  /** Scores a snapshot read at a position, and learns from it. */
  public synchronized Verdict apply(FeaturesUpdated features, SourcePosition at) {
    if (position != null && at.isAtOrBefore(position)) {
      return new Verdict.Replayed();
    }
    position = at;
    if (isRepeat(features)) {
      return new Verdict.Replayed();
    }
    if (features.late()) {
      return new Verdict.Skipped("late", "the event is older than the entity's latest event");
    }
    latest = features;
    return verdict(features, true);
  }

  /**
   * The verdict on a value at a time given the latest features, as if it were the next event;
   * nothing is learnt.
   */
  public synchronized Verdict peek(double value, Instant time) {
    return verdict(whatIf(value, time), false);
  }

  /** The features an event of this value and time would give, as far as they follow from it. */
  FeaturesUpdated whatIf(double value, Instant time) {
    SeriesFeatures current = latest == null ? null : latest.series();
    Double previous = current == null ? null : current.lastValue();
    SeriesFeatures series =
        new SeriesFeatures(
            current == null ? null : current.metric(),
            current == null ? 1 : current.count() + 1,
            value,
            previous,
            previous == null ? null : value - previous,
            previous == null || previous == 0 ? null : value / previous,
            current == null ? value : current.mean(),
            current == null ? 0 : current.stdDev(),
            current == null ? value : current.ewma(),
            current == null ? null : current.windows());
    EntityActivity activity =
        latest == null
            ? new EntityActivity(1, null, time, null, null)
            : new EntityActivity(
                latest.activity().totalEvents() + 1,
                latest.activity().eventCounts(),
                time,
                latest.activity().lastEventType(),
                Duration.between(latest.eventTime(), time).toMillis() / 1000.0);
    String entityId = latest == null ? "" : latest.entityId();
    return new FeaturesUpdated(
        entityId,
        "what-if",
        time,
        series.metric(),
        value,
        null,
        false,
        activity,
        series,
        null,
        time);
  }

  /**
   * Whether the snapshot repeats one applied before: an upstream replay republishes snapshots of
   * events it had published, at new positions, older than or as old as the latest.
   */
  private boolean isRepeat(FeaturesUpdated features) {
    if (latest == null) {
      return false;
    }
    int order = features.eventTime().compareTo(latest.eventTime());
    return order < 0 && !features.late()
        || order == 0 && features.eventId().equals(latest.eventId());
  }

  private Verdict verdict(FeaturesUpdated features, boolean learn) {
    if (features.series() == null) {
      return new Verdict.Skipped("no-value", "a count-only event has no value to score");
    }
    if (model != null) {
      float[] vector = new float[spec.inputs().size()];
      for (int i = 0; i < vector.length; i++) {
        Feature input = spec.inputs().get(i);
        Double value = input.of(features);
        if (value == null) {
          return new Verdict.Skipped("missing-feature", "the features have no " + input);
        }
        vector[i] = value.floatValue();
      }
      double score = model.score(vector);
      return new Verdict.Scored(Double.NaN, new Detector.Score(score, score > spec.threshold()));
    }
    Double input = spec.feature().of(features);
    if (input == null || input.isNaN()) {
      return new Verdict.Skipped("missing-feature", "the features have no " + spec.feature());
    }
    Detector.Score score = learn ? detector.score(input) : detector.peek(input);
    return new Verdict.Scored(input, score);
  }
}
