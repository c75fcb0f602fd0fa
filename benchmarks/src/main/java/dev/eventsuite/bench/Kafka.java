package dev.eventsuite.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The load generator's Kafka clients. */
public final class Kafka {

  private Kafka() {}

  /** A producer acknowledged by all replicas, batching up to {@code lingerMillis}. */
  public static KafkaProducer<String, byte[]> producer(BrokerAddress broker, int lingerMillis) {
    Map<String, Object> config = new HashMap<>(broker.settings());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer reading from the earliest record, answering fetches within 5 ms; without a group it
   * is for assigning partitions by hand.
   */
  public static KafkaConsumer<String, byte[]> consumer(
      BrokerAddress broker, String group, int maxPollRecords) {
    Map<String, Object> config = new HashMap<>(broker.settings());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
