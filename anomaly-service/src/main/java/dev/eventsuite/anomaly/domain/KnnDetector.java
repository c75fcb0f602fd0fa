package dev.eventsuite.anomaly.domain;

import java.nio.ByteBuffer;

/**
 * How far the latest values' shape lies from every shape the series took recently, as a surprise
 * that an alert already raised does not repeat.
 *
 * <p>Each value closes a shingle, the last {@link #SHINGLE} values. Its nonconformity is the
 * Euclidean distance to the nearest shingle among those closed by the previous {@link #HISTORY}
 * values: a level, a step or a rhythm the series has shown lately lies close to one of them, so
 * daily cycles and quantised plateaus stay quiet while a new shape stands out. The distance is then
 * measured in standard deviations of earlier distances (exponentially weighted over about {@link
 * #CALIBRATION} values, so every series is scored on the same scale whatever its units) and capped
 * at {@link #CAP}. The score is how far that exceeds the largest of the previous {@link
 * #SUPPRESSION} values: the first surprise of an incident scores, the surprises of the same size
 * that follow it for a while do not, and a worse one still does.
 *
 * <p>A value is scored before it is learnt. The first {@code warmUp} values, and those before
 * enough distances are known, only teach the detector.
 */
public final class KnnDetector implements Detector {

  /** Values in a shingle. */
  static final int SHINGLE = 5;

  /** Shingles the latest one is compared with. */
  static final int HISTORY = 300;

  /** Values over which the distances' mean and deviation are weighted. */
  static final int CALIBRATION = 500;

  /** Values after a surprise during which one no larger scores nothing. */
  static final int SUPPRESSION = 200;

  /** The largest distance, in standard deviations, a value is given. */
  static final double CAP = 50;

  /** Distances learnt before a distance is measured against them. */
  private static final int MIN_DISTANCES = 20;

  /** The smallest standard deviation of distances: a series that repeats itself exactly. */
  private static final double MIN_DEVIATION = 1e-6;

  private static final int VALUES = HISTORY + SHINGLE - 1;

  /** Bytes of the state: counts, the distances' statistics and both rings. */
  private static final int BYTES = 3 * Long.BYTES + 2 * Double.BYTES + (VALUES + SUPPRESSION) * 8;

  private final int warmUp;
  private final double threshold;

  /** The last {@link #VALUES} values, oldest first from {@code count % VALUES}. */
  private final double[] values = new double[VALUES];

  private long count;
  private long distances;
  private double distanceMean;
  private double distanceVariance;

  /**
   * The capped surprises of the last {@link #SUPPRESSION} values, ring-ordered by {@code count}.
   */
  private final double[] surprises = new double[SUPPRESSION];

  private long surprisesSeen;

  /**
   * @param warmUp values learnt before any is scored
   * @param threshold the score above which a value is an anomaly
   */
  public KnnDetector(int warmUp, double threshold) {
    this.warmUp = warmUp;
    this.threshold = threshold;
  }

  @Override
  public Score score(double value) {
    double distance = distance(value);
    double surprise = surprise(distance);
    Score score = verdict(surprise);
    learn(value, distance, surprise);
    return score;
  }

  @Override
  public Score peek(double value) {
    return verdict(surprise(distance(value)));
  }

  private Score verdict(double surprise) {
    if (count < warmUp || Double.isNaN(surprise)) {
      return Score.LEARNING;
    }
    double score = Math.max(0, surprise - recentSurprise());
    return new Score(score, score > threshold);
  }

  /**
   * The distance from the shingle the value closes to the nearest earlier one; NaN while there is
   * none to compare with.
   */
  private double distance(double value) {
    long stored = Math.min(count, VALUES);
    if (stored < SHINGLE) {
      return Double.NaN;
    }
    double nearest = Double.POSITIVE_INFINITY;
    // Candidates close at each stored value that has SHINGLE - 1 values before it, newest first.
    for (long end = count - 1; end >= count - stored + SHINGLE - 1; end--) {
      double squares = square(value - at(end));
      for (int j = 1; j < SHINGLE && squares < nearest; j++) {
        squares += square(at(count - j) - at(end - j));
      }
      nearest = Math.min(nearest, squares);
    }
    return Math.sqrt(nearest);
  }

  /** The distance in standard deviations of earlier ones, capped; NaN while too few are known. */
  private double surprise(double distance) {
    if (Double.isNaN(distance) || distances <= MIN_DISTANCES) {
      return Double.NaN;
    }
    double deviation = Math.max(Math.sqrt(distanceVariance), MIN_DEVIATION);
    return Math.min(CAP, (distance - distanceMean) / deviation);
  }

  private double recentSurprise() {
    double largest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < Math.min(surprisesSeen, SUPPRESSION); i++) {
      largest = Math.max(largest, surprises[i]);
    }
    return surprisesSeen == 0 ? 0 : largest;
  }

  private void learn(double value, double distance, double surprise) {
    if (!Double.isNaN(distance)) {
      distances++;
      double weight = Math.max(1.0 / CALIBRATION, 1.0 / distances);
      double deviation = distance - distanceMean;
      distanceMean += weight * deviation;
      distanceVariance = (1 - weight) * (distanceVariance + weight * deviation * deviation);
      surprises[(int) (surprisesSeen++ % SUPPRESSION)] = Double.isNaN(surprise) ? 0 : surprise;
    }
    values[(int) (count % VALUES)] = value;
    count++;
  }

  private double at(long index) {
    return values[(int) (index % VALUES)];
  }

  private static double square(double x) {
    return x * x;
  }

  @Override
  public byte[] state() {
    ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    buffer.putLong(count).putLong(distances).putLong(surprisesSeen);
    buffer.putDouble(distanceMean).putDouble(distanceVariance);
    for (double value : values) {
      buffer.putDouble(value);
    }
    for (double surprise : surprises) {
      buffer.putDouble(surprise);
    }
    return buffer.array();
  }

  @Override
  public void restore(byte[] state) {
    if (state.length != BYTES) {
      throw new IllegalArgumentException("not a k-nearest-neighbour detector's state");
    }
    ByteBuffer buffer = ByteBuffer.wrap(state);
    count = buffer.getLong();
    distances = buffer.getLong();
    surprisesSeen = buffer.getLong();
    distanceMean = buffer.getDouble();
    distanceVariance = buffer.getDouble();
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getDouble();
    }
    for (int i = 0; i < surprises.length; i++) {
      surprises[i] = buffer.getDouble();
    }
  }
}
