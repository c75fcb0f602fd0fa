package dev.eventsuite.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.FeaturesUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesScorerTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final DetectorSpec DELTA_ZSCORE =
      new DetectorSpec(DetectorSpec.Method.ZSCORE, Feature.DELTA, 3, 5, 10, false, null, List.of());

  private long offset;

  @Test
  void shouldFlagTheSpikeInTheDeltasOfASteadySeries() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    Snapshots snapshots = new Snapshots("e1", "temperature", START);
    List<Boolean> flags = new ArrayList<>();
    // Deltas alternate +1/-1 around 20; then a jump of 30.
    for (double value : new double[] {20, 21, 20, 21, 20, 21, 20, 21, 20, 50}) {
      if (apply(scorer, snapshots.next(value)) instanceof Verdict.Scored scored) {
        flags.add(scored.score().anomaly());
      }
    }

    // The first value has no delta; nine deltas were scored and only the jump flagged.
    assertThat(flags).containsExactly(false, false, false, false, false, false, false, false, true);
  }

  @Test
  void shouldSkipAFirstEventWhichHasNoDelta() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);

    Verdict verdict = apply(scorer, new Snapshots("e1", "m", START).next(3));

    assertThat(verdict)
        .isEqualTo(new Verdict.Skipped("missing-feature", "the features have no delta"));
  }

  @Test
  void shouldChangeNothingWhenASnapshotIsReplayedAtItsPosition() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    Snapshots snapshots = new Snapshots("e1", "m", START);
    for (int i = 0; i < 8; i++) {
      apply(scorer, snapshots.next(i % 2));
    }
    byte[] before = scorer.detectorState();

    // The consumer rewinds: the last record comes again at its old offset.
    Verdict replay = scorer.apply(snapshots.next(1), new SourcePosition("features", 0, offset - 1));

    assertThat(replay).isInstanceOf(Verdict.Replayed.class);
    assertThat(scorer.detectorState()).isEqualTo(before);
  }

  @Test
  void shouldChangeNothingWhenUpstreamRepublishesAnOlderSnapshot() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    Snapshots snapshots = new Snapshots("e1", "m", START);
    FeaturesUpdated first = snapshots.next(1);
    apply(scorer, first);
    apply(scorer, snapshots.next(2));
    byte[] before = scorer.detectorState();

    // enrich-service replayed after a crash: the same snapshot again, at a new offset.
    Verdict again = apply(scorer, first);

    assertThat(again).isInstanceOf(Verdict.Replayed.class);
    assertThat(scorer.detectorState()).isEqualTo(before);
  }

  @Test
  void shouldLeaveLateEventsUnscored() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    FeaturesUpdated onTime = new Snapshots("e1", "m", START).next(1);
    FeaturesUpdated late =
        new FeaturesUpdated(
            "e1",
            "late-1",
            START.minusSeconds(600),
            "m",
            9.0,
            null,
            true,
            onTime.activity(),
            onTime.series(),
            null,
            START);

    assertThat(apply(scorer, late)).isInstanceOf(Verdict.Skipped.class);
  }

  @Test
  void shouldPeekAtAValueWithoutLearningIt() {
    SeriesScorer scorer = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    Snapshots snapshots = new Snapshots("e1", "m", START);
    for (double value : new double[] {20, 21, 20, 21, 20, 21, 20}) {
      apply(scorer, snapshots.next(value));
    }
    byte[] before = scorer.detectorState();

    Verdict spike = scorer.peek(60, START.plusSeconds(3600));
    Verdict calm = scorer.peek(21, START.plusSeconds(3600));

    assertThat(spike)
        .isInstanceOfSatisfying(
            Verdict.Scored.class,
            s -> {
              assertThat(s.input()).isEqualTo(40);
              assertThat(s.score().anomaly()).isTrue();
            });
    assertThat(calm)
        .isInstanceOfSatisfying(
            Verdict.Scored.class, s -> assertThat(s.score().anomaly()).isFalse());
    assertThat(scorer.detectorState()).isEqualTo(before);
  }

  @Test
  void shouldCarryOnFromItsStoredStateAsIfNeverStopped() {
    Snapshots snapshots = new Snapshots("e1", "m", START);
    List<FeaturesUpdated> series = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      series.add(snapshots.next(10 + (i * 7 % 5)));
    }
    SeriesScorer straight = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    series.forEach(f -> apply(straight, f));

    SeriesScorer first = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    offset = 0;
    series.subList(0, 25).forEach(f -> apply(first, f));
    SeriesScorer restarted = new SeriesScorer(DELTA_ZSCORE, new RunningStats(), null);
    restarted.restore(first.latest(), first.position(), first.detectorState());
    series.subList(25, 40).forEach(f -> apply(restarted, f));

    assertThat(restarted.detectorState()).isEqualTo(straight.detectorState());
  }

  @Test
  void shouldScoreAVectorWithTheModel() {
    VectorModel sum =
        new VectorModel() {
          @Override
          public String name() {
            return "sum";
          }

          @Override
          public double score(float[] features) {
            double total = 0;
            for (float feature : features) {
              total += feature;
            }
            return total;
          }
        };
    DetectorSpec spec =
        new DetectorSpec(
            DetectorSpec.Method.MODEL,
            Feature.VALUE,
            10,
            0,
            0,
            false,
            "sum",
            List.of(Feature.VALUE, new Feature("events-5m")));
    SeriesScorer scorer = new SeriesScorer(spec, new RunningStats(), sum);
    Snapshots snapshots = new Snapshots("e1", "m", START);

    Verdict low = apply(scorer, snapshots.next(3));
    Verdict high = apply(scorer, snapshots.next(12));

    assertThat(low).isEqualTo(new Verdict.Scored(Double.NaN, new Detector.Score(4, false)));
    assertThat(high).isEqualTo(new Verdict.Scored(Double.NaN, new Detector.Score(14, true)));
    assertThat(spec.methodName()).isEqualTo("model:sum");
    assertThat(spec.featureName()).isEqualTo("value,events-5m");
  }

  private Verdict apply(SeriesScorer scorer, FeaturesUpdated features) {
    return scorer.apply(features, new SourcePosition("features", 0, offset++));
  }
}
