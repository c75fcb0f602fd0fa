package dev.eventsuite.embed.messaging;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.platform.kafka.BatchHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Reads batches of chunks from {@code document-chunks}. */
@ApplicationScoped
public class ChunksHandler implements BatchHandler {

  private static final Logger LOG = Logger.getLogger(ChunksHandler.class);

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch, StreamOutput output) {
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        ChunkEvent event = EventJson.fromBytes(record.value(), ChunkEvent.class);
        LOG.debugf("chunk event for document %s", event.documentId());
      } catch (InvalidEventException e) {
        output.deadLetter(record, "invalid-event", e.getMessage());
      }
    }
  }
}
