package dev.eventsuite.enrich.domain;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One trailing window of event time over an entity's or a metric's events, kept as buckets of a
 * fixed fraction of the window's length. Only buckets holding events are kept, and only as far back
 * as the window reaches, so a window never holds more than its slice count plus one buckets.
 *
 * <p>The window ending at {@code t} holds the events with time in {@code (t - length, t]}: exact
 * when event times are multiples of the bucket width, and otherwise to within one bucket.
 */
final class SlidingWindow {

  final long lengthMillis;
  final long bucketMillis;
  final NavigableMap<Long, RunningStats> buckets;

  SlidingWindow(long lengthMillis, long bucketMillis) {
    this(lengthMillis, bucketMillis, new TreeMap<>());
  }

  SlidingWindow(long lengthMillis, long bucketMillis, NavigableMap<Long, RunningStats> buckets) {
    this.lengthMillis = lengthMillis;
    this.bucketMillis = bucketMillis;
    this.buckets = buckets;
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

  /** The events in the window ending at {@code endMillis}. */
  RunningStats aggregate(long endMillis) {
    RunningStats total = new RunningStats();
    for (RunningStats bucket :
        buckets.subMap(index(endMillis - lengthMillis), false, index(endMillis), true).values()) {
      total.merge(bucket);
    }
    return total;
  }

  /** Drops the buckets that the window ending at {@code endMillis} (or later) no longer reaches. */
  void evict(long endMillis) {
    buckets.headMap(index(endMillis - lengthMillis), true).clear();
  }

  /** Whether an event at this time falls into the window ending at {@code endMillis}. */
  boolean reaches(long timeMillis, long endMillis) {
    return index(timeMillis) > index(endMillis - lengthMillis);
  }

  private long index(long timeMillis) {
    return Math.floorDiv(timeMillis, bucketMillis);
  }
}
