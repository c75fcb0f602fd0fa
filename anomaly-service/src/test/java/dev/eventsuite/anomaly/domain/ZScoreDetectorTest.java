package dev.eventsuite.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ZScoreDetectorTest {

  @Test
  void shouldScoreAValueAgainstTheMeanAndDeviationOfThoseBefore() {
    ZScoreDetector detector = new ZScoreDetector(4, 3);
    for (double value : new double[] {2, 4, 4, 4}) {
      assertThat(detector.score(value)).isEqualTo(new Detector.Score(0, false));
    }
    // mean 3.5, sample standard deviation 1: 8 is 4.5 deviations away
    Detector.Score score = detector.score(8);

    assertThat(score.score()).isCloseTo(4.5, within(1e-12));
    assertThat(score.anomaly()).isTrue();
  }

  @Test
  void shouldCatchASpikeInNoiseAndNotTheNoise() {
    ZScoreDetector detector = new ZScoreDetector(30, 3);
    Random random = new Random(1);
    int flagged = 0;
    for (int i = 0; i < 1000; i++) {
      if (detector.score(10 + random.nextGaussian() * 0.5).anomaly()) {
        flagged++;
      }
    }

    assertThat(flagged).as("3-sigma false alarms in 1,000 normal values").isLessThan(10);
    assertThat(detector.score(20).anomaly()).isTrue();
  }

  @Test
  void shouldFlagNothingDuringWarmUp() {
    ZScoreDetector detector = new ZScoreDetector(5, 3);
    double[] values = {1, 1000, 1, 1000};

    for (double value : values) {
      assertThat(detector.score(value).anomaly()).isFalse();
    }
  }

  @Test
  void shouldCallAnyChangeOfAConstantSeriesAnAnomaly() {
    ZScoreDetector detector = new ZScoreDetector(3, 3);
    for (int i = 0; i < 5; i++) {
      assertThat(detector.score(7).score()).isZero();
    }

    assertThat(detector.score(7.5).anomaly()).isTrue();
  }

  @Test
  void shouldScoreAnEntityStillWarmingUpAgainstTheMetricsBaseline() {
    RunningStats baseline = new RunningStats();
    ZScoreDetector seasoned = new ZScoreDetector(5, 3, baseline);
    for (double value : new double[] {10, 11, 9, 10, 11, 9, 10}) {
      seasoned.score(value);
    }
    ZScoreDetector newcomer = new ZScoreDetector(5, 3, baseline);

    assertThat(newcomer.score(30).anomaly()).isTrue();
    assertThat(new ZScoreDetector(5, 3).score(30)).isSameAs(Detector.Score.LEARNING);
  }

  @Test
  void shouldTakeBackItsStateAndScoreAsBefore() {
    ZScoreDetector original = new ZScoreDetector(3, 3);
    for (double value : new double[] {1, 2, 3, 4}) {
      original.score(value);
    }
    ZScoreDetector copy = new ZScoreDetector(3, 3);
    copy.restore(original.state());

    assertThat(copy.peek(9)).isEqualTo(original.peek(9));
  }
}
