package dev.eventsuite.platform.kafka;

import java.time.Duration;

/**
 * How one stream loop consumes.
 *
 * @param maxPollRecords the most records one poll (and so one batch) holds
 * @param checkpointInterval how often effects are made durable and offsets committed; null for the
 *     suite's {@code suite.kafka.commit-interval}
 * @param longRecords whether one record may take longer to handle than Kafka's {@code
 *     max.poll.interval.ms} (an object of gigabytes): each poll's records are then handled on a
 *     worker thread while the loop keeps polling with its partitions paused, so the group never
 *     takes the consumer for stuck and the record is not handed to another one mid-way
 * @param linger how long the broker may hold a fetch back to gather {@code lingerBytes} (Kafka's
 *     {@code fetch.max.wait.ms}); null for Kafka's default
 * @param lingerBytes how many bytes a fetch waits for (Kafka's {@code fetch.min.bytes})
 */
public record LoopOptions(
    int maxPollRecords,
    Duration checkpointInterval,
    boolean longRecords,
    Duration linger,
    int lingerBytes) {

  public static LoopOptions polling(int maxPollRecords) {
    return new LoopOptions(maxPollRecords, null, false, null, 1);
  }

  public LoopOptions checkpointingEvery(Duration interval) {
    return new LoopOptions(maxPollRecords, interval, longRecords, linger, lingerBytes);
  }

  public LoopOptions withLongRecords() {
    return new LoopOptions(maxPollRecords, checkpointInterval, true, linger, lingerBytes);
  }

  /** Fetches wait up to {@code time} for {@code bytes}, so batches fill when records trickle. */
  public LoopOptions lingering(Duration time, int bytes) {
    return new LoopOptions(maxPollRecords, checkpointInterval, longRecords, time, bytes);
  }
}
