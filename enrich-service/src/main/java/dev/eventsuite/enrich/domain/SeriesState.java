package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running features of one metric of one entity. */
final class SeriesState {

  final String metric;
  final RunningStats overall;
  final SlidingWindow[] windows;
  Double lastValue;
  Double previousValue;
  double ewma;

  SeriesState(String metric, FeatureSettings settings) {
    this(metric, new RunningStats(), settings.newWindows(), null, null, 0);
  }

  SeriesState(
      String metric,
      RunningStats overall,
      SlidingWindow[] windows,
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
    for (SlidingWindow window : windows) {
      window.add(timeMillis, value);
    }
  }

  /**
   * Takes a late value: it counts in the statistics and the windows it falls in, not as the last
   * value.
   */
  void addLate(long timeMillis, double value, long endMillis) {
    overall.add(value);
    for (SlidingWindow window : windows) {
      if (window.reaches(timeMillis, endMillis)) {
        window.add(timeMillis, value);
      }
    }
  }

  void evict(long endMillis) {
    for (SlidingWindow window : windows) {
      window.evict(endMillis);
    }
  }

  SeriesFeatures features(long endMillis, FeatureSettings settings, boolean late) {
    Map<String, WindowStatistics> perWindow = new LinkedHashMap<>();
    for (int i = 0; i < windows.length; i++) {
      RunningStats stats = windows[i].aggregate(endMillis);
      perWindow.put(
          FeatureSettings.label(settings.windows().get(i)),
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
