package dev.eventsuite.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

  @Test
  void shouldCreateTheRequestedTopicsWithTheirPartitions() throws Exception {
    try (EmbeddedKafka kafka =
            EmbeddedKafka.builder().partitions(2).topics(List.of("a", "b-dlq")).start();
        Admin admin = EmbeddedKafka.admin(kafka.bootstrapServers())) {

      var topics = admin.describeTopics(List.of("a", "b-dlq")).allTopicNames().get();

      assertThat(topics.get("a").partitions()).hasSize(2);
      assertThat(topics.get("b-dlq").partitions()).hasSize(2);
    }
  }

  @Test
  void shouldKeepRecordsAcrossRestartsWhenGivenAFolder(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("kafka");
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().dataDir(data).partitions(1).topics(List.of("kept")).start()) {
      produce(kafka.bootstrapServers(), "kept", "k", "survives a restart");
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(data).start()) {
      assertThat(consumeAll(kafka.bootstrapServers(), "kept", 1))
          .containsExactly("survives a restart");
    }
  }

  @Test
  void shouldStoreRecordsInEachCompressionTheServicesMayUse() throws Exception {
    List<String> codecs = List.of("gzip", "snappy", "lz4", "zstd");
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().partitions(1).topics(List.of("compressed")).start()) {
      for (String codec : codecs) {
        produce(kafka.bootstrapServers(), "compressed", codec, "stored in " + codec, codec);
      }

      assertThat(consumeAll(kafka.bootstrapServers(), "compressed", codecs.size()))
          .containsExactly("stored in gzip", "stored in snappy", "stored in lz4", "stored in zstd");
    }
  }

  @Test
  void shouldServeItsOwnClientsThroughTheInterBrokerListenerWhateverItAdvertises()
      throws Exception {
    int client = freePort();
    int broker = freePort();
    int controller = freePort();
    // As a container platform configures it: the client listener advertised as an address that
    // only works from elsewhere, and a listener of its own for the broker's traffic.
    Map<String, String> settings =
        Map.of(
            "listeners",
            "PLAINTEXT://0.0.0.0:%d,BROKER://localhost:%d,CONTROLLER://localhost:%d"
                .formatted(client, broker, controller),
            "advertised.listeners",
            "PLAINTEXT://elsewhere.invalid:%d,BROKER://localhost:%d".formatted(client, broker),
            "listener.security.protocol.map",
            "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name",
            "BROKER",
            "controller.quorum.voters",
            "1@localhost:" + controller);

    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder()
            .settings(settings)
            .clusterId("4L6g3nShT-eMCtK--X86sw")
            .partitions(1)
            .topics(List.of("created"))
            .start()) {

      assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + broker);
      produce(kafka.bootstrapServers(), "created", "k", "through the broker's own listener");
      assertThat(consumeAll(kafka.bootstrapServers(), "created", 1))
          .containsExactly("through the broker's own listener");
      assertThat(kafka.logDir().resolve("meta.properties")).content().contains("4L6g3nShT");
    }
  }

  @Test
  void shouldRefuseStorageSettingsThatWouldBypassItsDataFolder() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().settings(Map.of("log.dirs", "/elsewhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data folder");
  }

  @Test
  void shouldRemoveTemporaryStorageOnClose() {
    Path logDir;
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
      logDir = kafka.logDir();
      assertThat(logDir).isDirectory();
    }

    assertThat(Files.exists(logDir)).isFalse();
  }

  static void produce(String bootstrap, String topic, String key, String value) throws Exception {
    produce(bootstrap, topic, key, value, Map.of());
  }

  private static void produce(
      String bootstrap, String topic, String key, String value, String compression)
      throws Exception {
    produce(
        bootstrap, topic, key, value, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression));
  }

  /**
   * Sends one record and waits for the broker's acknowledgement, with the given client settings.
   */
  static void produce(
      String bootstrap, String topic, String key, String value, Map<String, ?> settings)
      throws Exception {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (var producer =
        new KafkaProducer<String, String>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  static List<String> consumeAll(String bootstrap, String topic, int expected) {
    return consumeAll(bootstrap, topic, expected, Map.of());
  }

  /** The values of a topic from its start, waiting up to 30 s for the expected count. */
  static List<String> consumeAll(
      String bootstrap, String topic, int expected, Map<String, ?> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, String>(
            config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
