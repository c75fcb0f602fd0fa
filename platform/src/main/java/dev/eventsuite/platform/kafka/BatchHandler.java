package dev.eventsuite.platform.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles the records of one poll together, e.g. to embed them in one model call. The handler
 * dead-letters records it cannot process through {@link StreamOutput}; an exception it throws makes
 * the loop rewind and retry the batch after a pause.
 */
public interface BatchHandler extends StreamHandler {

  void handle(List<ConsumerRecord<String, byte[]>> batch, StreamOutput output);
}
