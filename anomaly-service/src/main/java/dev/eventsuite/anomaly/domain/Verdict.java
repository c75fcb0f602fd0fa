package dev.eventsuite.anomaly.domain;

/** What scoring one feature snapshot came to. */
public sealed interface Verdict {

  /**
   * The snapshot was scored.
   *
   * @param input the feature scored; NaN for the model detector, which scores a vector
   * @param score the detector's verdict
   */
  record Scored(double input, Detector.Score score) implements Verdict {}

  /**
   * The snapshot could not be scored, e.g. a first event has no delta; the detector learnt nothing.
   *
   * @param reason a stable code: {@code late}, {@code no-value}, {@code missing-feature}
   * @param detail what was missing, for a person
   */
  record Skipped(String reason, String detail) implements Verdict {}

  /**
   * The snapshot was applied before, here before a restart or upstream before a replay: it changes
   * nothing and is not scored again.
   */
  record Replayed() implements Verdict {}
}
