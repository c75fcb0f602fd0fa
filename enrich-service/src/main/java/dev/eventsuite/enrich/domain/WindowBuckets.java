package dev.eventsuite.enrich.domain;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Events of one entity or series in buckets of event time, so trailing windows of any configured
 * length are answered by summing buckets. Only buckets holding events are kept, and only as far
 * back as the longest window reaches.
 *
 * <p>A window of length {@code w} at time {@code t} holds the events with time in {@code (t - w,
 * t]}, exact when event times are multiples of the bucket width and otherwise to within one bucket.
 */
final class WindowBuckets {

  private final long bucketMillis;
  private final NavigableMap<Long, RunningStats> buckets = new TreeMap<>();

  WindowBuckets(long bucketMillis) {
    this.bucketMillis = bucketMillis;
  }

  /** Adds an event; {@code value} is NaN for an event that only counts. */
  void add(long timeMillis, double value) {
    RunningStats bucket = buckets.computeIfAbsent(index(timeMillis), i -> new RunningStats());
    if (Double.isNaN(value)) {
      bucket.count++;
    } else {
      bucket.add(value);
    }
  }

  /** The events in the window of the given length ending at {@code endMillis}. */
  RunningStats window(long endMillis, long lengthMillis) {
    RunningStats total = new RunningStats();
    for (RunningStats bucket :
        buckets.subMap(index(endMillis - lengthMillis), false, index(endMillis), true).values()) {
      total.merge(bucket);
    }
    return total;
  }

  /** Drops the buckets that no window ending at or after {@code endMillis} can reach. */
  void evict(long endMillis, long longestWindowMillis) {
    buckets.headMap(index(endMillis - longestWindowMillis), true).clear();
  }

  /** Whether an event at this time would fall into a kept window. */
  boolean reaches(long timeMillis, long endMillis, long longestWindowMillis) {
    return index(timeMillis) > index(endMillis - longestWindowMillis);
  }

  Map<Long, RunningStats> buckets() {
    return buckets;
  }

  long bucketMillis() {
    return bucketMillis;
  }

  private long index(long timeMillis) {
    return Math.floorDiv(timeMillis, bucketMillis);
  }
}
