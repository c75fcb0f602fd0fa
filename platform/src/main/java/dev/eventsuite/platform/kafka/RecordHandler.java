package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles records one at a time.
 *
 * <p>A record that throws {@link InvalidEventException} goes to the dead-letter topic with the
 * exception's message as the reason. Any other exception is retried a few times, then the record
 * goes to the dead-letter topic too; the stream keeps moving either way.
 */
public interface RecordHandler extends StreamHandler {

  void handle(ConsumerRecord<String, byte[]> record, StreamOutput output);
}
