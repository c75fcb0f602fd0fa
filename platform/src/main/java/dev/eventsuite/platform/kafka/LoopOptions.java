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
 */
public record LoopOptions(int maxPollRecords, Duration checkpointInterval, Duration maxRecordTime) {

  public static LoopOptions polling(int maxPollRecords) {
    return new LoopOptions(maxPollRecords, null, null);
  }

  public LoopOptions checkpointingEvery(Duration interval) {
    return new LoopOptions(maxPollRecords, interval, maxRecordTime);
  }

  public LoopOptions allowingRecordsToTake(Duration time) {
    return new LoopOptions(maxPollRecords, checkpointInterval, time);
  }
}
