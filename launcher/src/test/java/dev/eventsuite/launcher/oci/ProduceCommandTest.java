package dev.eventsuite.launcher.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.launcher.kafka.EmbeddedKafka;
import dev.eventsuite.launcher.oci.OciCheckCommandTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/suite produce}: JSON Lines of metric events onto metric-events, over Kafka (a real
 * broker, with and without a SASL/PLAIN login) or through OCI Streaming's PutMessages API (a stub
 * the real SDK calls).
 */
class ProduceCommandTest {

  private static final String TOPIC = "metric-events";

  @TempDir Path folder;

  @Test
  void shouldSendEachEventKeyedByItsEntityAndReportTheLinesThatAreNot() throws Exception {
    Path file =
        lines(
            "{\"entityId\":\"sensor-1\",\"metric\":\"temperature\",\"value\":21.5,\"timestamp\":\"2025-01-01T10:00:00Z\"}",
            "",
            "{\"userId\":\"u7\",\"metric\":3,\"timestamp\":1735725600000}",
            "not json at all",
            "{\"id\":\"d-9\",\"time\":\"2025-01-01T10:00:01\",\"metric\":0.5}",
            "{\"metric\":1}");
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().partitions(1).topics(List.of(TOPIC)).start()) {

      Run run = Run.of("produce", file.toString(), "--bootstrap-servers", kafka.bootstrapServers());

      assertThat(run.exitCode()).as("two lines were not sent").isEqualTo(1);
      assertThat(run.out())
          .isEqualTo(
              "sent 3 events to metric-events at " + kafka.bootstrapServers() + ", 2 not sent\n");
      assertThat(run.err().lines())
          .hasSize(2)
          .satisfiesExactly(
              line -> assertThat(line).startsWith("line 4: the event is not valid JSON"),
              line -> assertThat(line).startsWith("line 6: "));
      assertThat(consume(kafka.bootstrapServers(), Map.of(), 3))
          .containsExactly(
              Map.entry("sensor-1", Files.readAllLines(file).get(0)),
              Map.entry("u7", Files.readAllLines(file).get(2)),
              Map.entry("d-9", Files.readAllLines(file).get(4)));
    }
  }

  @Test
  void shouldLogInWithTheAuthTokenWhenGivenASaslUser() throws Exception {
    Path file =
        lines("{\"userId\":\"u1\",\"eventType\":\"login\",\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    Path token = folder.resolve("token");
    Files.writeString(token, "token-1\n");
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder()
            .partitions(1)
            .saslPlainUser("suite-client", "token-1")
            .topics(List.of(TOPIC))
            .start()) {
      String sasl = kafka.saslBootstrapServers().orElseThrow();

      Run run =
          Run.of(
              "produce",
              file.toString(),
              "--bootstrap-servers",
              sasl,
              "--sasl-username",
              "suite-client",
              "--security-protocol",
              "SASL_PLAINTEXT",
              "--stream-auth-token-file",
              token.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(consume(kafka.bootstrapServers(), Map.of(), 1))
          .extracting(Map.Entry::getKey)
          .containsExactly("u1");
    }
  }

  @Test
  void shouldPutMessagesInRequestsOfAtMostOneMebibyteAndSendThrottledOnesAgain() throws Exception {
    List<String> events = new ArrayList<>();
    String padding = "x".repeat(20_000);
    for (int i = 0; i < 120; i++) {
      events.add(
          "{\"entityId\":\"e"
              + i
              + "\",\"metric\":\"m\",\"value\":"
              + i
              + ",\"timestamp\":\"2025-01-01T10:00:00Z\",\"attributes\":{\"note\":\""
              + padding
              + "\"}}");
    }
    Path file = lines(events.toArray(String[]::new));
    try (OciDeploymentStub oci = new OciDeploymentStub()) {
      // The first request is throttled for every other message, as OCI answers it: inside a 200.
      oci.putMessageError = (request, index) -> request == 1 && index % 2 == 1 ? "429" : null;

      Run run =
          Run.of(
              "produce", file.toString(),
              "--oci-stream", OciDeploymentStub.streamId(TOPIC),
              "--config-file", oci.api.configFile().toString(),
              "--oci-endpoint", oci.api.endpoint());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo("sent 120 events to stream metric-events (PutMessages)\n");
      assertThat(oci.accepted)
          .extracting(Map.Entry::getKey)
          .containsExactlyInAnyOrderElementsOf(
              events.stream().map(e -> e.substring(13, e.indexOf('"', 13))).toList());
      assertThat(oci.accepted)
          .extracting(Map.Entry::getValue)
          .containsExactlyInAnyOrderElementsOf(events);
      assertThat(oci.putRequestSizes)
          .as("120 events of 20 KB (27 KB in base64) need several requests, each within 1 MiB")
          .hasSizeGreaterThan(3)
          .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1024 * 1024));
    }
  }

  @Test
  void shouldGiveUpOnMessagesStillThrottledAfterTheirTriesAndSaySo() throws Exception {
    Path file =
        lines(
            "{\"entityId\":\"a\",\"metric\":\"m\",\"value\":1,\"timestamp\":\"2025-01-01T10:00:00Z\"}",
            "{\"entityId\":\"b\",\"metric\":\"m\",\"value\":2,\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    try (OciDeploymentStub oci = new OciDeploymentStub()) {
      oci.putMessageError = (request, index) -> request == 1 && index == 0 ? null : "429";

      Run run =
          Run.of(
              "produce", file.toString(),
              "--oci-stream", OciDeploymentStub.streamId(TOPIC),
              "--config-file", oci.api.configFile().toString(),
              "--oci-endpoint", oci.api.endpoint(),
              "--max-attempts", "3");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .isEqualTo("sent 1 events to stream metric-events (PutMessages), 1 not sent\n");
      assertThat(run.err())
          .isEqualTo(
              "line 2: not accepted: 429 Request was throttled because bytes limit exhausted\n");
      assertThat(oci.putRequestSizes)
          .as("one request, then two tries of the throttled message")
          .hasSize(3);
    }
  }

  private Path lines(String... lines) throws Exception {
    Path file = folder.resolve("events-" + System.nanoTime() + ".jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  private static List<Map.Entry<String, String>> consume(
      String bootstrap, Map<String, Object> settings, int expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "produce-test");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putAll(settings);
    List<Map.Entry<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(Map.entry(record.key(), record.value()));
        }
      }
    }
    return records;
  }
}
