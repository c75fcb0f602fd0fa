package dev.eventsuite.anomaly.domain;

import java.nio.ByteBuffer;

/**
 * The z-score of each value against the running mean and standard deviation of the values before it
 * (Welford's method), flagged when its magnitude passes the threshold. The first {@code warmUp}
 * values only teach the detector, unless a baseline shared by the whole metric has learnt enough to
 * score them. A value is scored before it joins the statistics, so a spike is measured against the
 * calm before it.
 */
public final class ZScoreDetector implements Detector {

  private final int warmUp;
  private final double threshold;
  private final RunningStats own = new RunningStats();
  private final RunningStats baseline;

  /**
   * @param warmUp values learnt before any is scored
   * @param threshold |z| above which a value is an anomaly (3 by default in the service)
   */
  public ZScoreDetector(int warmUp, double threshold) {
    this(warmUp, threshold, null);
  }

  /**
   * @param baseline the statistics of every entity's values of the metric, which score this
   *     entity's values while it warms up; this detector adds its values to them. Null for none.
   */
  public ZScoreDetector(int warmUp, double threshold, RunningStats baseline) {
    this.warmUp = Math.max(2, warmUp);
    this.threshold = threshold;
    this.baseline = baseline;
  }

  @Override
  public Score score(double value) {
    Score score = peek(value);
    own.add(value);
    if (baseline != null) {
      baseline.add(value);
    }
    return score;
  }

  @Override
  public Score peek(double value) {
    RunningStats reference = own;
    if (own.count() < warmUp) {
      if (baseline == null || baseline.count() < warmUp) {
        return Score.LEARNING;
      }
      reference = baseline;
    }
    double magnitude = reference.absoluteZ(value);
    return new Score(magnitude, magnitude > threshold);
  }

  @Override
  public byte[] state() {
    ByteBuffer buffer = ByteBuffer.allocate(RunningStats.BYTES);
    own.write(buffer);
    return buffer.array();
  }

  @Override
  public void restore(byte[] state) {
    if (state.length != RunningStats.BYTES) {
      throw new IllegalArgumentException("not a z-score detector's state");
    }
    own.read(ByteBuffer.wrap(state));
  }
}
