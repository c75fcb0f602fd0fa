package dev.eventsuite.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records as a producer outside the suite would, waiting for each acknowledgement. */
public final class TopicWriter implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  public TopicWriter(String bootstrapServers) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** A writer to the shared test broker. */
  public static TopicWriter toTestBroker() {
    return new TopicWriter(KafkaTestResource.bootstrapServers());
  }

  public void write(String topic, String key, String value) {
    write(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
  }

  public void write(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("writing to " + record.topic() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes many records as fast as the broker takes them, waiting for all acknowledgements. */
  public void writeAll(List<ProducerRecord<String, byte[]>> records) {
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
    for (ProducerRecord<String, byte[]> record : records) {
      sends.add(producer.send(record));
    }
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("writing failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
