package dev.eventsuite.anomaly.domain;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The robust z-score of each value against the last {@code window} values before it: its distance
 * from their median in units of their median absolute deviation (scaled by 1.4826 to match a
 * standard deviation for normal data). Outliers in the window move neither, so a burst of spikes
 * does not hide the next one; where more than half the window is one value (a MAD of 0), the mean
 * absolute deviation stands in. Scored once the window is full.
 */
public final class RobustZScoreDetector implements Detector {

  /** MAD times this estimates the standard deviation of normally distributed values. */
  static final double MAD_TO_SIGMA = 1.4826;

  /** The mean absolute deviation times this estimates it, where the MAD is 0. */
  static final double MEAN_AD_TO_SIGMA = 1.2533;

  private final int window;
  private final double threshold;
  private final Deque<Double> values = new ArrayDeque<>();

  public RobustZScoreDetector(int window, double threshold) {
    if (window < 3) {
      throw new IllegalArgumentException("the window needs at least 3 values");
    }
    this.window = window;
    this.threshold = threshold;
  }

  @Override
  public Score score(double value) {
    Score score = peek(value);
    if (values.size() == window) {
      values.removeFirst();
    }
    values.addLast(value);
    return score;
  }

  @Override
  public Score peek(double value) {
    if (values.size() < window) {
      return Score.LEARNING;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = median(sorted);
    double[] deviations = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      deviations[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(deviations);
    double spread = MAD_TO_SIGMA * median(deviations);
    if (spread == 0) {
      // More than half the window is one value: the mean absolute deviation still measures it.
      spread = MEAN_AD_TO_SIGMA * Arrays.stream(deviations).average().orElse(0);
    }
    double magnitude =
        spread == 0 ? (value == median ? 0 : Double.MAX_VALUE) : Math.abs(value - median) / spread;
    return new Score(magnitude, magnitude > threshold);
  }

  @Override
  public byte[] state() {
    ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + values.size() * Double.BYTES);
    buffer.putInt(window);
    values.forEach(buffer::putDouble);
    return buffer.array();
  }

  @Override
  public void restore(byte[] state) {
    ByteBuffer buffer = ByteBuffer.wrap(state);
    if (state.length < Integer.BYTES
        || buffer.getInt() != window
        || buffer.remaining() % Double.BYTES != 0
        || buffer.remaining() > window * Double.BYTES) {
      throw new IllegalArgumentException("not the state of a robust z-score over " + window);
    }
    values.clear();
    while (buffer.hasRemaining()) {
      values.addLast(buffer.getDouble());
    }
  }

  static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
