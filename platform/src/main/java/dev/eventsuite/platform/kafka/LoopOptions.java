package dev.eventsuite.platform.kafka;

import java.time.Duration;

/**
 * How one stream loop consumes.
 *
 * @param maxPollRecords the most records one poll (and so one batch) holds
 * @param checkpointInterval how often effects are made durable and offsets committed; null for the
 *     suite's {@code suite.kafka.commit-interval}
 * @param maxRecordTime the longest a single poll's records may take to handle before the group
 *     considers the consumer stuck and reassigns its partitions (Kafka's {@code
 *     max.poll.interval.ms}); null for Kafka's five minutes
 * @param linger how long the broker may hold a fetch back to gather {@code lingerBytes} (Kafka's
 *     {@code fetch.max.wait.ms}); null for Kafka's default
 * @param lingerBytes how many bytes a fetch waits for (Kafka's {@code fetch.min.bytes})
 */
public record LoopOptions(
    int maxPollRecords,
    Duration checkpointInterval,
    Duration maxRecordTime,
    Duration linger,
    int lingerBytes) {

  public static LoopOptions polling(int maxPollRecords) {
    return new LoopOptions(maxPollRecords, null, null, null, 1);
  }

  public LoopOptions checkpointingEvery(Duration interval) {
    return new LoopOptions(maxPollRecords, interval, maxRecordTime, linger, lingerBytes);
  }

  public LoopOptions allowingRecordsToTake(Duration time) {
    return new LoopOptions(maxPollRecords, checkpointInterval, time, linger, lingerBytes);
  }

  /** Fetches wait up to {@code time} for {@code bytes}, so batches fill when records trickle. */
  public LoopOptions lingering(Duration time, int bytes) {
    return new LoopOptions(maxPollRecords, checkpointInterval, maxRecordTime, time, bytes);
  }
}
