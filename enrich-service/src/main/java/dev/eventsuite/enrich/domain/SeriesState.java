package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running features of one metric of one entity. */
final class SeriesState {

  final String metric;
  final RunningStats overall;
  final WindowBuckets windows;
  Double lastValue;
  Double previousValue;
  double ewma;

  SeriesState(String metric, long bucketMillis) {
    this(metric, new RunningStats(), new WindowBuckets(bucketMillis), null, null, 0);
  }

  SeriesState(
      String metric,
      RunningStats overall,
      WindowBuckets windows,
      Double lastValue,
      Double previousValue,
      double ewma) {
    this.metric = metric;
    this.overall = overall;
    this.windows = windows;
    this.lastValue = lastValue;
    this.previousValue = previousValue;
    this.ewma = ewma;
  }

  /** Takes a value that is the newest in event time: it becomes the last value. */
  void addLatest(long timeMillis, double value, double ewmaAlpha) {
    ewma = lastValue == null ? value : ewmaAlpha * value + (1 - ewmaAlpha) * ewma;
    previousValue = lastValue;
    lastValue = value;
    overall.add(value);
    windows.add(timeMillis, value);
  }

  /** Takes a late value: it counts in the statistics and its windows, not as the last value. */
  void addLate(long timeMillis, double value, boolean inWindows) {
    overall.add(value);
    if (inWindows) {
      windows.add(timeMillis, value);
    }
  }

  SeriesFeatures features(long endMillis, FeatureSettings settings, boolean late) {
    Map<String, WindowStatistics> perWindow = new LinkedHashMap<>();
    for (Duration window : settings.windows()) {
      RunningStats stats = this.windows.window(endMillis, window.toMillis());
      perWindow.put(
          FeatureSettings.label(window),
          stats.count == 0
              ? new WindowStatistics(0, 0, 0, 0, 0)
              : new WindowStatistics(
                  stats.count, stats.mean, stats.stdDev(), stats.min, stats.max));
    }
    Double delta = late || previousValue == null ? null : lastValue - previousValue;
    Double ratio =
        late || previousValue == null || previousValue == 0 ? null : lastValue / previousValue;
    return new SeriesFeatures(
        metric,
        overall.count,
        lastValue,
        previousValue,
        delta,
        ratio,
        overall.mean,
        overall.stdDev(),
        ewma,
        perWindow);
  }
}
