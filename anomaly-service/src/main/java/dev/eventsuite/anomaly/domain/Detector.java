package dev.eventsuite.anomaly.domain;

/**
 * Scores one series' values, one after another, each against what came before it: the state of one
 * entity's metric.
 */
public interface Detector {

  /** The value's score (how unusual it is, 0 or more) and whether it is an anomaly. */
  Score score(double value);

  /**
   * A detector's verdict on one value.
   *
   * @param score how unusual the value is: for the z-score detectors, its distance from the mean in
   *     standard deviations; 0 while warming up
   * @param anomaly whether the score passed the threshold after the warm-up
   */
  record Score(double score, boolean anomaly) {}
}
