package dev.eventsuite.anomaly.domain;

import static dev.eventsuite.anomaly.domain.Rhythms.cycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnDetectorTest {

  @Test
  void shouldOnlyLearnThroughItsWarmUp() {
    KnnDetector detector = new KnnDetector(100, 2.5);
    Random random = new Random(1);
    for (int i = 0; i < 100; i++) {
      assertThat(detector.score(cycle(i, random))).isSameAs(Detector.Score.LEARNING);
    }
    assertThat(detector.score(cycle(100, random))).isNotSameAs(Detector.Score.LEARNING);
  }

  @Test
  void shouldFlagABreakInARhythmItHasLearntAndLeaveTheRhythmAlone() {
    KnnDetector detector = new KnnDetector(300, 2.5);
    Random random = new Random(2);
    int flagged = 0;
    for (int i = 0; i < 2000; i++) {
      if (detector.score(cycle(i, random)).anomaly()) {
        flagged++;
      }
    }
    // The level stays within the cycle's range; its shape does not.
    Detector.Score flat = detector.score(50);
    for (int i = 0; i < 3 && !flat.anomaly(); i++) {
      flat = detector.score(50);
    }

    assertThat(flagged).as("values of the rhythm flagged").isLessThan(10);
    assertThat(flat.anomaly()).as("the cycle stopping mid-swing").isTrue();
  }

  @Test
  void shouldRaiseOneAlertForOneShiftInLevel() {
    KnnDetector detector = new KnnDetector(300, 2.5);
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      detector.score(10 + random.nextGaussian() * 0.5);
    }
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      if (detector.score(30 + random.nextGaussian() * 0.5).anomaly()) {
        flagged.add(i);
      }
    }

    assertThat(flagged).hasSize(1).first().isEqualTo(0);
  }

  @Test
  void shouldScoreOnAfterARestoreExactlyAsWithoutOne() {
    KnnDetector original = new KnnDetector(300, 2.5);
    Random random = new Random(4);
    for (int i = 0; i < 700; i++) {
      original.score(cycle(i, random));
    }
    KnnDetector restored = new KnnDetector(300, 2.5);
    restored.restore(original.state());

    for (int i = 700; i < 1000; i++) {
      double value = i == 900 ? 120 : cycle(i, random);
      assertThat(restored.score(value)).isEqualTo(original.score(value));
    }
  }

  @Test
  void shouldRefuseAnotherDetectorsState() {
    assertThatThrownBy(() -> new KnnDetector(30, 2.5).restore(new ZScoreDetector(30, 3).state()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
