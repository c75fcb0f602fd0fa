package dev.eventsuite.events.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features of one metric of an entity.
 *
 * @param metric the metric's name; null for the unnamed metric
 * @param count values seen
 * @param lastValue the latest value
 * @param previousValue the value before it; null for the first
 * @param delta {@code lastValue - previousValue}; null without a previous value
 * @param ratio {@code lastValue / previousValue}; null without a previous value or when it is 0
 * @param mean the running mean of all values (Welford)
 * @param stdDev the running sample standard deviation of all values (Welford); 0 for one value
 * @param ewma the exponentially weighted moving average
 * @param windows statistics of the values in each trailing window of event time
 */
public record SeriesFeatures(
    String metric,
    long count,
    double lastValue,
    Double previousValue,
    Double delta,
    Double ratio,
    double mean,
    double stdDev,
    double ewma,
    Map<String, WindowStatistics> windows) {

  public SeriesFeatures {
    // Windows keep their configured order.
    windows =
        windows == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(windows));
  }
}
