package dev.eventsuite.platform.kafka;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;

/**
 * What a {@link StreamLoop} drives: a {@link RecordHandler} or a {@link BatchHandler}, with hooks
 * for state kept per partition.
 *
 * <p>The loop guarantees at-least-once processing: it commits a record's offset only after the
 * record was handled, everything published for it was acknowledged, and {@link #checkpoint()}
 * returned. After a failure it rewinds to the last commit and replays, so effects must be
 * idempotent.
 */
public interface StreamHandler {

  /** Partitions were assigned: load any state kept for them. Called before their first record. */
  default void partitionsAssigned(Collection<TopicPartition> partitions) {}

  /**
   * The records these partitions held when they were assigned (or rewound to the last commit) have
   * all been handled: state kept for them is current, no longer being rebuilt. Called after every
   * rebalance, with no partitions when none were assigned.
   */
  default void partitionsCaughtUp(Collection<TopicPartition> partitions) {}

  /**
   * Partitions were taken away, or the loop rewinds after a failure: forget in-memory state for
   * them. Whatever must survive was made durable by the preceding {@link #checkpoint()}.
   */
  default void partitionsRevoked(Collection<TopicPartition> partitions) {}

  /**
   * Makes the effects of every record handled so far durable, e.g. writes a store. The handler
   * captures what to write before returning; the writing may finish on another thread while the
   * loop goes on. Offsets are committed only once the returned stage completes; if it fails, the
   * loop rewinds and replays. At most one checkpoint is in flight at a time.
   */
  default CompletionStage<Void> checkpoint() {
    return CompletableFuture.completedFuture(null);
  }
}
