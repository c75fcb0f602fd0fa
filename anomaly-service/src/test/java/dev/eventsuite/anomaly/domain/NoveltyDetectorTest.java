package dev.eventsuite.anomaly.domain;

import static dev.eventsuite.anomaly.domain.Rhythms.cycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoveltyDetectorTest {

  private static final double THRESHOLD = DetectorSpec.Method.NOVELTY.defaultThreshold();

  /** Indexes of the values flagged, from the first of them. */
  private static List<Integer> flagged(NoveltyDetector detector, double[] values) {
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (detector.score(values[i]).anomaly()) {
        flagged.add(i);
      }
    }
    return flagged;
  }

  @Test
  void shouldOnlyLearnThroughItsWarmUp() {
    NoveltyDetector detector = new NoveltyDetector(100, THRESHOLD);
    Random random = new Random(1);
    for (int i = 0; i < 100; i++) {
      assertThat(detector.score(cycle(i, random))).isSameAs(Detector.Score.LEARNING);
    }
    assertThat(detector.score(cycle(100, random))).isNotSameAs(Detector.Score.LEARNING);
  }

  @Test
  void shouldLeaveARhythmItHasLearntAlone() {
    NoveltyDetector detector = new NoveltyDetector(30, THRESHOLD);
    Random random = new Random(2);
    double[] values = new double[3000];
    for (int i = 0; i < values.length; i++) {
      values[i] = cycle(i, random);
    }

    // A rare draw of the noise may still land in a band just outside the learnt range.
    assertThat(flagged(detector, values)).hasSizeLessThan(3);
  }

  @Test
  void shouldFlagALevelNeverReachedOnceAndTheNextOnlyAfterItsRest() {
    NoveltyDetector detector = new NoveltyDetector(30, THRESHOLD);
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      detector.score(cycle(i, random));
    }
    // Climbing above the cycle's range through several bands, back to the cycle, then higher
    // still once the rest is over.
    double[] values = new double[400];
    for (int i = 0; i < values.length; i++) {
      values[i] = i >= 10 && i < 60 ? 80 + i * 0.5 : i >= 250 && i < 260 ? 150 : cycle(i, random);
    }

    List<Integer> flagged = flagged(detector, values);

    assertThat(flagged).startsWith(10).contains(250);
    assertThat(flagged.stream().filter(i -> i > 10 && i < 250))
        .as("new levels within the rest, and the return to the cycle")
        .isEmpty();
    assertThat(detector.peek(150).anomaly()).as("a level reached before").isFalse();
  }

  @Test
  void shouldFlagAGapInsideTheLearntRange() {
    NoveltyDetector detector = new NoveltyDetector(30, THRESHOLD);
    Random random = new Random(4);
    // Switches between two levels, 0 and 100, never in between.
    for (int i = 0; i < 1000; i++) {
      detector.score((i / 24 % 2 == 0 ? 0 : 100) + random.nextGaussian());
    }

    assertThat(detector.peek(50).anomaly()).isTrue();
    assertThat(detector.peek(50).score()).isEqualTo(NoveltyDetector.NEW_LEVEL);
  }

  @Test
  void shouldScoreOnlyShapesWhileItLearnsLevels() {
    NoveltyDetector detector = new NoveltyDetector(30, THRESHOLD);
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      detector.score(10 + random.nextGaussian());
    }
    KnnDetector shapes = new KnnDetector(30, THRESHOLD);
    Random same = new Random(5);
    for (int i = 0; i < 200; i++) {
      shapes.score(10 + same.nextGaussian());
    }

    assertThat(detector.peek(12)).isEqualTo(shapes.peek(12));
    assertThat(detector.score(1000).anomaly()).as("a shape far out").isTrue();
  }

  @Test
  void shouldScoreOnAfterARestoreExactlyAsWithoutOne() {
    Random random = new Random(6);
    double[] values = new double[1500];
    for (int i = 0; i < values.length; i++) {
      values[i] = i == 900 ? 120 : i >= 1200 ? -40 : cycle(i, random);
    }
    for (int stop : new int[] {150, 700}) {
      NoveltyDetector original = new NoveltyDetector(30, THRESHOLD);
      for (int i = 0; i < stop; i++) {
        original.score(values[i]);
      }
      NoveltyDetector restored = new NoveltyDetector(30, THRESHOLD);
      restored.restore(original.state());

      for (int i = stop; i < values.length; i++) {
        assertThat(restored.score(values[i]))
            .as("value %d", i)
            .isEqualTo(original.score(values[i]));
      }
    }
  }

  @Test
  void shouldRefuseAnotherDetectorsState() {
    NoveltyDetector detector = new NoveltyDetector(30, THRESHOLD);

    assertThatThrownBy(() -> detector.restore(new KnnDetector(30, 2.5).state()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> detector.restore(new ZScoreDetector(30, 3).state()))
        .isInstanceOf(IllegalArgumentException.class);
    NoveltyDetector otherLevels =
        new NoveltyDetector(30, THRESHOLD, new NoveltyDetector.Levels(200, 10, 100));
    for (int i = 0; i < 500; i++) {
      otherLevels.score(i % 7);
    }
    assertThatThrownBy(() -> detector.restore(otherLevels.state()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
