package dev.eventsuite.launcher.oci;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events with a Kafka producer, as any producer of the suite's users does: to the local
 * broker, or to OCI Streaming's Kafka endpoint with a SASL/PLAIN login.
 */
public final class KafkaEventSender implements EventSender {

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  /**
   * @param settings {@code bootstrap.servers} and, for OCI Streaming, the security settings
   * @param topic the topic (stream name)
   */
  public KafkaEventSender(Properties settings, String topic) {
    Properties config = new Properties();
    config.putAll(settings);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MetricEventLines.MAX_EVENT_BYTES);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // An endpoint that does not answer is reported within seconds, not after a minute.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(15).toMillis());
    this.producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public Sent send(List<MetricEventLines.Event> events) throws InterruptedException {
    List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
    for (MetricEventLines.Event event : events) {
      acks.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
    }
    producer.flush();
    int accepted = 0;
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < acks.size(); i++) {
      try {
        acks.get(i).get();
        accepted++;
      } catch (ExecutionException e) {
        failures.add(new Failure(events.get(i).line(), e.getCause().getMessage()));
      }
    }
    return new Sent(accepted, failures);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
