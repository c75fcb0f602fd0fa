package dev.eventsuite.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomCutForestDetectorTest {

  @Test
  void shouldFlagAnIsolatedValueAndLeaveSteadyNoiseAlone() {
    RandomCutForestDetector detector = new RandomCutForestDetector(300, 2.5);
    Random random = new Random(1);
    int flagged = 0;
    for (int i = 0; i < 2000; i++) {
      if (detector.score(100 + random.nextGaussian()).anomaly()) {
        flagged++;
      }
    }
    Detector.Score spike = detector.score(130);

    assertThat(flagged).isLessThan(20);
    assertThat(spike.anomaly()).isTrue();
    assertThat(spike.score()).isGreaterThan(2.5);
  }

  @Test
  void shouldScoreOnAfterARestoreExactlyAsWithoutOne() {
    RandomCutForestDetector original = new RandomCutForestDetector(100, 2.5);
    Random random = new Random(2);
    for (int i = 0; i < 1000; i++) {
      original.score(random.nextGaussian());
    }
    RandomCutForestDetector restored = new RandomCutForestDetector(100, 2.5);
    restored.restore(original.state());

    for (int i = 0; i < 300; i++) {
      double value = i == 200 ? 9 : random.nextGaussian();
      assertThat(restored.score(value)).isEqualTo(original.score(value));
    }
  }

  @Test
  void shouldRefuseAnotherDetectorsState() {
    assertThatThrownBy(
            () -> new RandomCutForestDetector(30, 2.5).restore(new KnnDetector(30, 2.5).state()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
