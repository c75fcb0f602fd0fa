package dev.eventsuite.ingest.messaging;

import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.object.OciEventParseResult;
import dev.eventsuite.events.object.OciObjectEvents;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Reads OCI Object Storage events from {@code object-events}. */
@ApplicationScoped
public class ObjectEventsHandler implements RecordHandler {

  private static final Logger LOG = Logger.getLogger(ObjectEventsHandler.class);

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    OciEventParseResult result = OciObjectEvents.parse(record.value());
    if (result instanceof OciEventParseResult.Rejected rejected) {
      throw new InvalidEventException(rejected.reason());
    }
    if (result instanceof OciEventParseResult.Accepted accepted) {
      LOG.debugf(
          "object event %s for %s", accepted.event().change(), accepted.event().objectPath());
    }
  }
}
