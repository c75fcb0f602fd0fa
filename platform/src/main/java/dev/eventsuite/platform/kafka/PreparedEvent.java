package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An event serialised for its topic with its CloudEvents headers, ready to send. Preparing costs
 * more than sending, and needs nothing shared, so a handler may prepare events on other threads and
 * publish them in order on the loop's.
 */
public final class PreparedEvent {

  private final ProducerRecord<String, byte[]> record;

  private PreparedEvent(ProducerRecord<String, byte[]> record) {
    this.record = record;
  }

  /** The event as JSON, keyed, with binary-mode CloudEvents headers. */
  public static PreparedEvent of(String topic, String key, Object event, CloudEvent cloudEvent) {
    return new PreparedEvent(
        new ProducerRecord<>(topic, null, key, EventJson.toBytes(event), cloudEvent.toHeaders()));
  }

  ProducerRecord<String, byte[]> record() {
    return record;
  }
}
