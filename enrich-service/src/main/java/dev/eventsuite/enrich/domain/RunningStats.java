package dev.eventsuite.enrich.domain;

/**
 * Count, mean, spread, minimum and maximum of a stream of values, updated one value at a time with
 * Welford's algorithm and merged with Chan et al.'s formula, both numerically stable.
 */
final class RunningStats {

  long count;
  double mean;

  /** The sum of squared differences from the mean. */
  double m2;

  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;

  RunningStats() {}

  RunningStats(long count, double mean, double m2, double min, double max) {
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
    this.min = min;
    this.max = max;
  }

  void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  void merge(RunningStats other) {
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      count = other.count;
      mean = other.mean;
      m2 = other.m2;
      min = other.min;
      max = other.max;
      return;
    }
    long total = count + other.count;
    double delta = other.mean - mean;
    mean += delta * other.count / total;
    m2 += other.m2 + delta * delta * count * other.count / total;
    count = total;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /** The sample standard deviation; 0 for fewer than two values. */
  double stdDev() {
    return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
  }
}
