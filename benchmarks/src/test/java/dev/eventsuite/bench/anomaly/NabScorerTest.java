package dev.eventsuite.bench.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {

  private static final NabScorer STANDARD = new NabScorer(NabScorer.Profile.STANDARD);

  /** 100 rows, probation 15; one window over rows 50 to 59. */
  private static NabScorer.Series series(double... scoresAt) {
    double[] scores = new double[100];
    for (int i = 0; i < scoresAt.length; i += 2) {
      scores[(int) scoresAt[i]] = scoresAt[i + 1];
    }
    return new NabScorer.Series(scores, List.of(new int[] {50, 59}));
  }

  @Test
  void shouldFollowTheScaledSigmoid() {
    assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.98661, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(0)).isZero();
    assertThat(NabScorer.scaledSigmoid(3.5)).isEqualTo(-1.0);
    assertThat(NabScorer.probation(100)).isEqualTo(15);
    assertThat(NabScorer.probation(100_000)).isEqualTo(750);
  }

  @Test
  void shouldGiveAHundredForADetectionAtEachWindowsStartAndNothingElse() {
    NabScorer.Result result = STANDARD.score(List.of(series(50, 1.0)));

    assertThat(result.normalized()).isCloseTo(100, within(1e-9));
    assertThat(result.threshold()).isEqualTo(1.0);
  }

  @Test
  void shouldGiveZeroForDetectingNothing() {
    assertThat(STANDARD.score(List.of(series())).normalized()).isCloseTo(0, within(1e-9));
  }

  @Test
  void shouldCreditOnlyTheEarliestDetectionOfAWindow() {
    // rows 55 and 50 both detected: only row 50's credit (1.0) counts, not both
    NabScorer.Result result = STANDARD.score(List.of(series(55, 0.9, 50, 0.8)));

    assertThat(result.raw()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldCreditALateDetectionLessAndChargeFalsePositives() {
    // row 59, the window's last: position -1/10, sigmoid 2/(1+e^-0.5)-1 = 0.24492, over 0.98661
    double late = (2 / (1 + Math.exp(-0.5)) - 1) / NabScorer.scaledSigmoid(-1.0);
    assertThat(STANDARD.score(List.of(series(59, 1.0))).raw()).isCloseTo(late, within(1e-9));

    // a false positive before any window costs the full 0.11, and a threshold that takes it along
    // with the window's start (1.0 - 0.11) beats missing the window (-1.0)
    NabScorer.Result both = STANDARD.score(List.of(series(20, 1.0, 50, 0.5)));
    assertThat(both.raw()).isCloseTo(1.0 - 0.11, within(1e-9));
    assertThat(both.threshold()).isEqualTo(0.5);
  }

  @Test
  void shouldIgnoreTheProbationPeriod() {
    assertThat(STANDARD.score(List.of(series(10, 1.0, 50, 0.5))).raw())
        .isCloseTo(1.0, within(1e-9));
  }
}
