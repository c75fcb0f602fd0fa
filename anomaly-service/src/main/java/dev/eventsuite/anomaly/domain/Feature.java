package dev.eventsuite.anomaly.domain;

import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One number read from a feature snapshot, by name:
 *
 * <ul>
 *   <li>{@code value}, {@code delta}, {@code ratio}: the event's value, its change from the
 *       previous value, and their quotient
 *   <li>{@code mean}, {@code std-dev}, {@code ewma}, {@code count}: the metric's running statistics
 *   <li>{@code seconds-since-previous}: time since the entity's previous event
 *   <li>{@code events-<window>}: the entity's events in a trailing window, e.g. {@code events-5m}
 *   <li>{@code <stat>-<window>} with stat {@code mean}, {@code std-dev}, {@code min}, {@code max}
 *       or {@code count}: the metric's statistics in a trailing window, e.g. {@code mean-1h}
 * </ul>
 *
 * @param name the name, as configured
 */
public record Feature(String name) {

  private static final Pattern WINDOWED =
      Pattern.compile("(events|mean|std-dev|min|max|count)-(\\d+[smhd])");

  public static final Feature VALUE = new Feature("value");
  public static final Feature DELTA = new Feature("delta");

  public Feature {
    name = name.trim().toLowerCase(Locale.ROOT);
    if (!isSimple(name) && !WINDOWED.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "unknown feature '"
              + name
              + "': expected value, delta, ratio, mean, std-dev, ewma, count,"
              + " seconds-since-previous, events-<window> or <mean|std-dev|min|max|count>-<window>");
    }
  }

  /** The feature's value in the snapshot; null where the snapshot does not have it. */
  public Double of(FeaturesUpdated features) {
    SeriesFeatures series = features.series();
    Matcher windowed = WINDOWED.matcher(name);
    if (windowed.matches()) {
      String window = windowed.group(2);
      if (windowed.group(1).equals("events")) {
        Long count = features.activity().eventCounts().get(window);
        return count == null ? null : count.doubleValue();
      }
      WindowStatistics statistics = series == null ? null : series.windows().get(window);
      return statistics == null ? null : statistic(windowed.group(1), statistics);
    }
    if (name.equals("seconds-since-previous")) {
      return features.activity().secondsSincePrevious();
    }
    if (series == null) {
      return null;
    }
    return switch (name) {
      case "value" -> features.value();
      case "delta" -> series.delta();
      case "ratio" -> series.ratio();
      case "mean" -> series.mean();
      case "std-dev" -> series.stdDev();
      case "ewma" -> series.ewma();
      case "count" -> (double) series.count();
      default -> throw new IllegalStateException(name);
    };
  }

  private static boolean isSimple(String name) {
    return switch (name) {
      case "value",
          "delta",
          "ratio",
          "mean",
          "std-dev",
          "ewma",
          "count",
          "seconds-since-previous" ->
          true;
      default -> false;
    };
  }

  private static double statistic(String stat, WindowStatistics statistics) {
    return switch (stat) {
      case "mean" -> statistics.mean();
      case "std-dev" -> statistics.stdDev();
      case "min" -> statistics.min();
      case "max" -> statistics.max();
      default -> statistics.count();
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
