package dev.eventsuite.platform.kafka;

import dev.eventsuite.platform.config.SuiteConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds Kafka clients from the {@code kafka.*} settings (bootstrap servers, security) shared by
 * every client of a service, plus what producers and consumers need on their own. Every client's
 * metrics are published through Micrometer.
 */
@ApplicationScoped
public class KafkaClients {

  private final Map<String, Object> common;
  private final SuiteConfig.KafkaBehaviour behaviour;
  private final MeterRegistry registry;

  @Inject
  public KafkaClients(
      @Identifier("default-kafka-broker") Map<String, Object> common,
      SuiteConfig config,
      MeterRegistry registry) {
    this.common = common;
    this.behaviour = config.kafka();
    this.registry = registry;
  }

  /** A producer of string keys and byte values; at-least-once (acks from all replicas). */
  public KafkaProducer<String, byte[]> producer(String clientId) {
    Map<String, Object> config = clientConfig(ProducerConfig.configNames());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, behaviour.idempotence());
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, behaviour.maxRequestSize());
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) behaviour.linger().toMillis());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, behaviour.compression());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    // Retries cover OCI Streaming's periodic connection recycling.
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    new KafkaClientMetrics(producer).bindTo(registry);
    return producer;
  }

  /**
   * A consumer in the given group that commits offsets only when told to, and starts from the
   * earliest record when the group has no committed offset, polling as the options say.
   */
  public KafkaConsumer<String, byte[]> consumer(
      String groupId, String clientId, LoopOptions options) {
    Map<String, Object> config = clientConfig(ConsumerConfig.configNames());
    if (options.linger() != null) {
      config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) options.linger().toMillis());
      config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, options.lingerBytes());
    }
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxPollRecords());
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, behaviour.maxPartitionFetchBytes());
    int sessionMillis = (int) behaviour.sessionTimeout().toMillis();
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMillis);
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionMillis / 5);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    new KafkaClientMetrics(consumer).bindTo(registry);
    return consumer;
  }

  /** An admin client for health checks and topic inspection. */
  public Admin admin(String clientId) {
    Map<String, Object> config = clientConfig(AdminClientConfig.configNames());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return Admin.create(config);
  }

  /** How the clients talk to the broker: {@code PLAINTEXT}, {@code SSL}, {@code SASL_SSL}... */
  public String securityProtocol() {
    return String.valueOf(
        common.getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
  }

  /** The shared {@code kafka.*} settings that apply to this kind of client. */
  private Map<String, Object> clientConfig(Set<String> known) {
    Map<String, Object> config = new HashMap<>();
    common.forEach(
        (key, value) -> {
          if (known.contains(key)) {
            config.put(key, value);
          }
        });
    return config;
  }
}
