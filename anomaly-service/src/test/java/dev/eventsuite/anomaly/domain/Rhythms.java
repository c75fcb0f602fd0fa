package dev.eventsuite.anomaly.domain;

import java.util.Random;

/** Series with a rhythm, for the detectors' tests. */
final class Rhythms {

  private Rhythms() {}

  /** A daily-like cycle of 48 values between about 30 and 70, with noise. */
  static double cycle(int i, Random random) {
    return 50 + 20 * Math.sin(2 * Math.PI * i / 48) + random.nextGaussian();
  }
}
