package dev.eventsuite.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StsBenchmarkTest {

  @Test
  void shouldCorrelateRanksNotValues() {
    double[] gold = {1, 2, 3, 4, 5};
    double[] monotone = {0.1, 0.2, 0.4, 0.8, 0.99};
    double[] reversed = {5, 4, 3, 2, 1};

    assertThat(StsBenchmark.spearman(gold, monotone)).isCloseTo(1.0, within(1e-12));
    assertThat(StsBenchmark.spearman(gold, reversed)).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void shouldMatchAHandComputedCorrelationWithTies() {
    // ranks of x: 1, 2.5, 2.5, 4; ranks of y: 2, 1, 3, 4; Pearson of the ranks = 3 / sqrt(4.5 * 5)
    double[] x = {10, 20, 20, 30};
    double[] y = {0.5, 0.1, 0.7, 0.9};

    assertThat(StsBenchmark.ranks(x)).containsExactly(1, 2.5, 2.5, 4);
    assertThat(StsBenchmark.spearman(x, y)).isCloseTo(3 / Math.sqrt(4.5 * 5), within(1e-12));
  }

  @Test
  void shouldReadEveryPairOfTheTestSplit() {
    List<StsBenchmark.Pair> pairs = StsBenchmark.split("test");

    assertThat(pairs).hasSize(1379);
    assertThat(pairs.get(0))
        .isEqualTo(
            new StsBenchmark.Pair(
                "A girl is styling her hair.", "A girl is brushing her hair.", 2.5));
  }
}
