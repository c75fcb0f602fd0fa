package dev.eventsuite.bench;

import java.util.Arrays;

/** Percentiles of measured durations. */
public final class Percentiles {

  private final long[] sortedNanos;

  public Percentiles(long[] nanos) {
    this.sortedNanos = nanos.clone();
    Arrays.sort(sortedNanos);
  }

  /** The value below which the given fraction of the measurements fall (nearest rank), in ms. */
  public double millis(double fraction) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(fraction * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
  }

  public double maxMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  public int count() {
    return sortedNanos.length;
  }

  /** A number with at most {@code decimals} decimals, for reports. */
  public static String format(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }
}
