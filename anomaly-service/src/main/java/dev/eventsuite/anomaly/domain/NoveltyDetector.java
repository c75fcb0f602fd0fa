package dev.eventsuite.anomaly.domain;

import java.nio.ByteBuffer;

/**
 * What a series has not done before: a level it never reached, or a shape it has not taken lately.
 *
 * <p>Levels: the range of the series' first {@link Levels#learning} values is cut into {@link
 * Levels#bands} bands of equal width, and bands of that width go on beyond both ends. A value in a
 * band no earlier value reached is a new level and scores {@link #NEW_LEVEL}, unless another new
 * level came within the previous {@link Levels#rest} values: a series moving onto new ground raises
 * one alert, not one per band it crosses. Every band a value lands in is remembered, so a level the
 * series has settled on is no longer new, while a gap inside the first values' range (a series that
 * switches between two levels) stays new until a value falls in it.
 *
 * <p>Shapes: {@link KnnDetector}'s score of the value, the surprise of the last values' shape
 * beyond the recent surprises. A value scores the larger of the two.
 *
 * <p>The first {@code warmUp} values only teach the detector, and so do the first {@link
 * Levels#learning} as far as levels go: until then only shapes score.
 */
public final class NoveltyDetector implements Detector {

  /**
   * How levels are told apart.
   *
   * @param learning values whose range the bands are cut from
   * @param bands bands across that range
   * @param rest values after a new level during which another new level scores nothing
   */
  public record Levels(int learning, int bands, int rest) {

    /** The service's levels: chosen on NAB, see the anomaly benchmark's report. */
    public static final Levels DEFAULT = new Levels(300, 10, 100);

    public Levels {
      if (learning < 1 || bands < 1 || bands > TRACKED_BANDS / 2 || rest < 0) {
        throw new IllegalArgumentException(
            "levels need values to learn from and 1 to " + TRACKED_BANDS / 2 + " bands");
      }
    }
  }

  /** The score of a new level: the most a shape can score. */
  static final double NEW_LEVEL = KnnDetector.CAP;

  /**
   * Bands remembered one by one, around the learnt range; beyond them only the lowest and highest
   * band reached are.
   */
  private static final int TRACKED_BANDS = 256;

  /** The farthest band a value is put in, either way: far beyond any real series. */
  private static final double FARTHEST_BAND = 1e15;

  private static final long NONE = Long.MIN_VALUE;

  private final KnnDetector shapes;
  private final double threshold;
  private final Levels levels;

  /** The first band remembered one by one: the learnt range's bands sit in the middle. */
  private final long firstTracked;

  /** The first values, kept until the bands are cut. */
  private final double[] learning;

  private long count;
  private double lowest;
  private double bandWidth;
  private long lowestBand = Long.MAX_VALUE;
  private long highestBand = Long.MIN_VALUE;
  private final long[] reached = new long[TRACKED_BANDS / Long.SIZE];
  private long lastNewLevel = NONE;

  /**
   * @param warmUp values learnt before any is scored
   * @param threshold the score above which a value is an anomaly
   */
  public NoveltyDetector(int warmUp, double threshold) {
    this(warmUp, threshold, Levels.DEFAULT);
  }

  /**
   * @param warmUp values learnt before any is scored
   * @param threshold the score above which a value is an anomaly
   * @param levels how levels are told apart
   */
  public NoveltyDetector(int warmUp, double threshold, Levels levels) {
    this.shapes = new KnnDetector(warmUp, threshold);
    this.threshold = threshold;
    this.levels = levels;
    this.firstTracked = levels.bands() / 2 - TRACKED_BANDS / 2;
    this.learning = new double[levels.learning()];
  }

  @Override
  public Score score(double value) {
    Score shape = shapes.score(value);
    boolean newLevel = isNewLevel(value);
    Score score = verdict(shape, newLevel);
    learn(value, newLevel);
    return score;
  }

  @Override
  public Score peek(double value) {
    return verdict(shapes.peek(value), isNewLevel(value));
  }

  private Score verdict(Score shape, boolean newLevel) {
    if (shape == Score.LEARNING) {
      return shape;
    }
    boolean rested = lastNewLevel == NONE || count - lastNewLevel > levels.rest();
    double score = newLevel && rested ? Math.max(NEW_LEVEL, shape.score()) : shape.score();
    return new Score(score, score > threshold);
  }

  private boolean isNewLevel(double value) {
    if (count < learning.length) {
      return false;
    }
    long band = band(value);
    if (band < lowestBand || band > highestBand) {
      return true;
    }
    long tracked = band - firstTracked;
    return tracked >= 0
        && tracked < TRACKED_BANDS
        && (reached[(int) (tracked / 64)] & bit(tracked)) == 0;
  }

  private void learn(double value, boolean newLevel) {
    if (count < learning.length) {
      learning[(int) count] = value;
    } else {
      reach(band(value));
    }
    if (newLevel) {
      lastNewLevel = count;
    }
    count++;
    if (count == learning.length) {
      cutBands();
    }
  }

  /** Cuts the bands from the range of the first values, and marks the bands they reached. */
  private void cutBands() {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double value : learning) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    lowest = low;
    // A series constant so far has its magnitude (at least 1) cut into the bands instead.
    bandWidth = (high > low ? high - low : Math.max(Math.abs(low), 1)) / levels.bands();
    for (double value : learning) {
      reach(band(value));
    }
  }

  private long band(double value) {
    double band = Math.floor((value - lowest) / bandWidth);
    return (long) Math.max(-FARTHEST_BAND, Math.min(FARTHEST_BAND, band));
  }

  private void reach(long band) {
    lowestBand = Math.min(lowestBand, band);
    highestBand = Math.max(highestBand, band);
    long tracked = band - firstTracked;
    if (tracked >= 0 && tracked < TRACKED_BANDS) {
      reached[(int) (tracked / 64)] |= bit(tracked);
    }
  }

  private static long bit(long tracked) {
    return 1L << (tracked % 64);
  }

  @Override
  public byte[] state() {
    int learnt = (int) Math.min(count, learning.length);
    int levelBytes = levelBytes(count < learning.length ? learnt : 0);
    byte[] shapeState = shapes.state();
    ByteBuffer buffer = ByteBuffer.allocate(levelBytes + shapeState.length);
    buffer
        .putInt(levelBytes)
        .putInt(levels.learning())
        .putInt(levels.bands())
        .putInt(levels.rest());
    buffer.putLong(count).putLong(lastNewLevel).putLong(lowestBand).putLong(highestBand);
    buffer.putDouble(lowest).putDouble(bandWidth);
    for (long bits : reached) {
      buffer.putLong(bits);
    }
    if (count < learning.length) {
      for (int i = 0; i < learnt; i++) {
        buffer.putDouble(learning[i]);
      }
    }
    return buffer.put(shapeState).array();
  }

  @Override
  public void restore(byte[] state) {
    ByteBuffer buffer = ByteBuffer.wrap(state);
    long stateCount = state.length >= levelBytes(0) ? buffer.getLong(4 * Integer.BYTES) : -1;
    int learnt = (int) Math.max(0, Math.min(stateCount, learning.length));
    int levelBytes = levelBytes(stateCount < learning.length ? learnt : 0);
    if (stateCount < 0
        || state.length < levelBytes
        || buffer.getInt() != levelBytes
        || !new Levels(buffer.getInt(), buffer.getInt(), buffer.getInt()).equals(levels)) {
      throw new IllegalArgumentException("not a novelty detector's state with these levels");
    }
    count = buffer.getLong();
    lastNewLevel = buffer.getLong();
    lowestBand = buffer.getLong();
    highestBand = buffer.getLong();
    lowest = buffer.getDouble();
    bandWidth = buffer.getDouble();
    for (int i = 0; i < reached.length; i++) {
      reached[i] = buffer.getLong();
    }
    if (count < learning.length) {
      for (int i = 0; i < learnt; i++) {
        learning[i] = buffer.getDouble();
      }
    }
    byte[] shapeState = new byte[buffer.remaining()];
    buffer.get(shapeState);
    shapes.restore(shapeState);
  }

  /**
   * Bytes of the state before the shape detector's: its own length, the levels, counts, bands and
   * the first values kept.
   */
  private static int levelBytes(int valuesKept) {
    return 4 * Integer.BYTES
        + 4 * Long.BYTES
        + 2 * Double.BYTES
        + TRACKED_BANDS / Byte.SIZE
        + valuesKept * Double.BYTES;
  }
}
