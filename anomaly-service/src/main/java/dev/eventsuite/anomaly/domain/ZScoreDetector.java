package dev.eventsuite.anomaly.domain;

/**
 * The z-score of each value against the running mean and standard deviation of the values before it
 * (Welford's method), flagged when its magnitude passes the threshold. The first {@code warmUp}
 * values only teach the detector. A value is scored before it joins the statistics, so a spike is
 * measured against the calm before it.
 */
public final class ZScoreDetector implements Detector {

  private final int warmUp;
  private final double threshold;
  private long count;
  private double mean;
  private double squares;

  /**
   * @param warmUp values learnt before any is scored
   * @param threshold |z| above which a value is an anomaly (3 by default in the service)
   */
  public ZScoreDetector(int warmUp, double threshold) {
    this.warmUp = Math.max(2, warmUp);
    this.threshold = threshold;
  }

  @Override
  public Score score(double value) {
    Score score = new Score(0, false);
    if (count >= warmUp) {
      double deviation = Math.sqrt(squares / (count - 1));
      double z =
          deviation == 0 ? (value == mean ? 0 : Double.MAX_VALUE) : (value - mean) / deviation;
      double magnitude = Math.abs(z);
      score = new Score(magnitude, magnitude > threshold);
    }
    count++;
    double delta = value - mean;
    mean += delta / count;
    squares += delta * (value - mean);
    return score;
  }
}
