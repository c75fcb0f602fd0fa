package dev.eventsuite.anomaly.domain;

/**
 * Scores one series' values, one after another, each against what came before it: the state of one
 * entity's metric.
 */
public interface Detector {

  /**
   * The value's score (how unusual it is, 0 or more) and whether it is an anomaly; then learns it.
   */
  Score score(double value);

  /** The score {@link #score} would give the value, without learning it. */
  Score peek(double value);

  /** What the detector has learnt, in a form {@link #restore} takes back. */
  byte[] state();

  /** Takes back what {@link #state} gave; a detector of another kind or shape refuses it. */
  void restore(byte[] state);

  /**
   * A detector's verdict on one value.
   *
   * @param score how unusual the value is: for the z-score detectors, its distance from the mean in
   *     standard deviations; 0 while warming up
   * @param anomaly whether the score passed the threshold after the warm-up
   */
  record Score(double score, boolean anomaly) {

    /**
     * The verdict on a value not scored yet, the detector still learning: detectors return this
     * very instance, which tells it from a score of 0.
     */
    public static final Score LEARNING = new Score(0, false);
  }
}
