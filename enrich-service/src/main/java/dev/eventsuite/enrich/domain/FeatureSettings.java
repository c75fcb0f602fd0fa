package dev.eventsuite.enrich.domain;

import java.time.Duration;
import java.util.List;

/**
 * How features are computed.
 *
 * @param windows the trailing windows of event time, e.g. 1 m, 5 m, 1 h
 * @param allowedLateness how far behind an entity's latest event time an event may be and still
 *     update the windows it falls in
 * @param latePolicy what happens to events later than that
 * @param ewmaAlpha the weight of the newest value in the EWMA, in (0, 1]
 * @param slicesPerWindow how many buckets each window is kept in: answers are exact to a bucket, a
 *     window's length divided by this (1 s of a 1-minute window at 60)
 */
public record FeatureSettings(
    List<Duration> windows,
    Duration allowedLateness,
    LatePolicy latePolicy,
    double ewmaAlpha,
    int slicesPerWindow) {

  /** What happens to an event later than the allowed lateness. */
  public enum LatePolicy {
    /** Sent to the dead-letter topic with the reason, and counted. */
    DEAD_LETTER,
    /** Counted and dropped. */
    DROP
  }

  public FeatureSettings {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window is needed");
    }
    if (ewmaAlpha <= 0 || ewmaAlpha > 1) {
      throw new IllegalArgumentException("the EWMA alpha must be in (0, 1], not " + ewmaAlpha);
    }
    if (slicesPerWindow < 1) {
      throw new IllegalArgumentException(
          "a window needs at least one slice, not " + slicesPerWindow);
    }
    for (Duration window : windows) {
      if (window.toMillis() < slicesPerWindow) {
        throw new IllegalArgumentException(
            "the window " + window + " is shorter than " + slicesPerWindow + " ms, one per slice");
      }
    }
    windows = windows.stream().sorted().distinct().toList();
  }

  /** One empty sliding window per configured window, in the configured order. */
  SlidingWindow[] newWindows() {
    SlidingWindow[] sliding = new SlidingWindow[windows.size()];
    for (int i = 0; i < sliding.length; i++) {
      long length = windows.get(i).toMillis();
      sliding[i] = new SlidingWindow(length, length / slicesPerWindow);
    }
    return sliding;
  }

  /**
   * A window's label as it appears in features: {@code 1m}, {@code 5m}, {@code 1h}, {@code 90s}.
   */
  static String label(Duration window) {
    long seconds = window.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
