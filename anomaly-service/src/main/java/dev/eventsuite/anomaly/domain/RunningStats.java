package dev.eventsuite.anomaly.domain;

import java.nio.ByteBuffer;

/**
 * The running mean and sample standard deviation of a series by Welford's method: one pass, no
 * values kept, numerically stable.
 */
public final class RunningStats {

  static final int BYTES = Long.BYTES + 2 * Double.BYTES;

  private long count;
  private double mean;
  private double squares;

  public void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    squares += delta * (value - mean);
  }

  public long count() {
    return count;
  }

  public double mean() {
    return mean;
  }

  /** The sample standard deviation; 0 for fewer than two values. */
  public double standardDeviation() {
    return count < 2 ? 0 : Math.sqrt(squares / (count - 1));
  }

  /**
   * The value's distance from the mean in standard deviations, in absolute value. Around a constant
   * series (no deviation) a value equal to it scores 0 and any other value the largest score.
   */
  public double absoluteZ(double value) {
    double deviation = standardDeviation();
    if (deviation == 0) {
      return value == mean ? 0 : Double.MAX_VALUE;
    }
    return Math.abs(value - mean) / deviation;
  }

  void write(ByteBuffer buffer) {
    buffer.putLong(count).putDouble(mean).putDouble(squares);
  }

  void read(ByteBuffer buffer) {
    count = buffer.getLong();
    mean = buffer.getDouble();
    squares = buffer.getDouble();
  }
}
