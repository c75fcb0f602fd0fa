package dev.eventsuite.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustZScoreDetectorTest {

  @Test
  void shouldMeasureDistanceFromTheMedianInScaledMads() {
    RobustZScoreDetector detector = new RobustZScoreDetector(5, 3.5);
    for (double value : new double[] {1, 2, 3, 4, 100}) {
      detector.score(value);
    }
    // window 1 2 3 4 100: median 3, deviations 0 1 1 2 97 → MAD 1
    Detector.Score score = detector.score(9);

    assertThat(score.score()).isCloseTo(6 / 1.4826, within(1e-9));
    assertThat(score.anomaly()).isTrue();
  }

  @Test
  void shouldStillSeeASpikeRightAfterAnother() {
    RobustZScoreDetector detector = new RobustZScoreDetector(50, 3.5);
    Random random = new Random(2);
    for (int i = 0; i < 200; i++) {
      detector.score(5 + random.nextGaussian() * 0.2);
    }

    assertThat(detector.score(15).anomaly()).isTrue();
    assertThat(detector.score(15).anomaly()).as("the second spike of a burst").isTrue();
  }

  @Test
  void shouldLeaveSteadyNoiseAlone() {
    RobustZScoreDetector detector = new RobustZScoreDetector(100, 4);
    Random random = new Random(3);
    int flagged = 0;
    for (int i = 0; i < 2000; i++) {
      if (detector.score(random.nextGaussian()).anomaly()) {
        flagged++;
      }
    }

    assertThat(flagged).isLessThan(10);
  }

  @Test
  void shouldMeasureAMostlyConstantWindowByItsMeanDeviation() {
    RobustZScoreDetector detector = new RobustZScoreDetector(4, 3);
    for (double value : new double[] {5, 5, 5, 9}) {
      detector.score(value);
    }
    // median 5, MAD 0; mean absolute deviation 1
    Detector.Score score = detector.score(6);

    assertThat(score.score()).isCloseTo(1 / 1.2533, within(1e-9));
    assertThat(score.anomaly()).isFalse();
  }

  @Test
  void shouldScoreNothingUntilTheWindowIsFull() {
    RobustZScoreDetector detector = new RobustZScoreDetector(3, 3);

    assertThat(detector.score(1).anomaly()).isFalse();
    assertThat(detector.score(1000).anomaly()).isFalse();
    assertThat(detector.score(1).anomaly()).isFalse();
  }

  @Test
  void shouldTakeBackItsWindowAndRefuseAnotherShape() {
    RobustZScoreDetector original = new RobustZScoreDetector(4, 3.5);
    for (double value : new double[] {1, 2, 3, 4, 5}) {
      original.score(value);
    }
    RobustZScoreDetector copy = new RobustZScoreDetector(4, 3.5);
    copy.restore(original.state());

    assertThat(copy.peek(40)).isEqualTo(original.peek(40));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RobustZScoreDetector(8, 3.5).restore(original.state()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
