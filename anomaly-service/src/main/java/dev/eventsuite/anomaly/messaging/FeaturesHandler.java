package dev.eventsuite.anomaly.messaging;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Reads feature snapshots from {@code features}. */
@ApplicationScoped
public class FeaturesHandler implements RecordHandler {

  private static final Logger LOG = Logger.getLogger(FeaturesHandler.class);

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    FeaturesUpdated features = EventJson.fromBytes(record.value(), FeaturesUpdated.class);
    LOG.debugf("features of %s after %s", features.entityId(), features.eventId());
  }
}
