package dev.eventsuite.launcher.cli;

import java.util.Locale;

/** Byte counts as people read them. */
final class Sizes {

  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Sizes() {}

  /** E.g. {@code 512 B}, {@code 1.5 MB}: powers of 1024, one decimal above bytes. */
  static String human(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
