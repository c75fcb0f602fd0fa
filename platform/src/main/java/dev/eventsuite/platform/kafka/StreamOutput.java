package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.CloudEvent;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a handler sends what it produces. Sends are asynchronous; the loop waits for all of them
 * before committing the records they came from.
 */
public interface StreamOutput {

  /** Publishes an event produced from a source record. */
  void publish(
      ConsumerRecord<String, byte[]> source,
      String topic,
      String key,
      Object event,
      CloudEvent cloudEvent);

  /** Publishes an event prepared earlier, perhaps on another thread, from a source record. */
  void publish(ConsumerRecord<String, byte[]> source, PreparedEvent event);

  /**
   * Sends a record, unchanged, to its topic's dead-letter topic with the reason.
   *
   * @param errorType a stable class of error, e.g. {@code invalid-event}
   * @param reason what is wrong, for a person to act on
   */
  void deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason);

  /**
   * Like {@link #deadLetter(ConsumerRecord, String, String)} for a part of a record, such as one
   * row of a file the record points to.
   *
   * @param location what part failed, e.g. {@code row 17}
   * @param content the failed part itself
   */
  void deadLetter(
      ConsumerRecord<String, byte[]> record,
      String errorType,
      String reason,
      String location,
      byte[] content);

  /**
   * Waits until everything published so far is acknowledged, as a checkpoint does: a handler that
   * records its own progress within a long record calls this first.
   *
   * @throws IllegalStateException when a send failed after all retries
   */
  void flush();

  /**
   * A stage that completes once everything published so far is acknowledged, without waiting for
   * it; it fails when one of those sends failed. A handler that records its own progress within a
   * long record saves it when the stage completes, and the stream keeps flowing meanwhile.
   */
  CompletionStage<Void> acknowledged();
}
