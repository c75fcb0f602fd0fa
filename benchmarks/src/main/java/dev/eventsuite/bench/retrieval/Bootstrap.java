package dev.eventsuite.bench.retrieval;

import java.util.Map;
import java.util.Random;

/** Means of per-query scores and paired bootstrap intervals of their differences. */
final class Bootstrap {

  private static final int RESAMPLES = 2000;

  private Bootstrap() {}

  static double mean(Map<String, Double> byQuery) {
    return byQuery.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /**
   * The 95 % interval of mean(a - b) over queries drawn with replacement, both scored on the same
   * queries: {low, high}. An interval above 0 says a beats b beyond the luck of which queries were
   * asked.
   */
  static double[] differenceInterval(Map<String, Double> a, Map<String, Double> b) {
    double[] differences = a.keySet().stream().mapToDouble(q -> a.get(q) - b.get(q)).toArray();
    Random random = new Random(7);
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < differences.length; i++) {
        sum += differences[random.nextInt(differences.length)];
      }
      means[r] = sum / differences.length;
    }
    java.util.Arrays.sort(means);
    return new double[] {means[(int) (0.025 * RESAMPLES)], means[(int) (0.975 * RESAMPLES) - 1]};
  }
}
