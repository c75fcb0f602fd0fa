package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.ComponentStatus;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The suite as users run it: five services and a broker, each its own process. */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  @Order(1)
  void shouldBringEveryServiceToReady() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();

    for (Component service : Component.services()) {
      HttpResponse<String> ready = get(suite.url(service) + "/q/health/ready");
      assertThat(ready.statusCode()).as(service.id() + " readiness").isEqualTo(200);
    }
    assertThat(Suite.status(suite.dataDir()))
        .extracting(ComponentStatus::state)
        .containsOnly(ComponentStatus.State.READY);
  }

  @Test
  @Order(2)
  void shouldTurnAMetricEventIntoFeatures() {
    RunningSuite suite = SuiteUnderTest.get();
    String user = "e2e-" + UUID.randomUUID();
    String bootstrap = suite.url(Component.KAFKA);
    try (TopicTail features = TopicTail.of(bootstrap, "features");
        TopicWriter writer = new TopicWriter(bootstrap)) {
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\"" + user + "\",\"metric\":42,\"timestamp\":\"2025-01-01T10:00:00\"}");

      ConsumerRecord<String, byte[]> out =
          features.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);

      JsonNode snapshot = EventJson.tree(out.value());
      assertThat(snapshot.at("/entityId").asText()).isEqualTo(user);
      assertThat(snapshot.at("/value").asDouble()).isEqualTo(42.0);
      assertThat(snapshot.at("/activity/totalEvents").asLong()).isEqualTo(1);
    }
  }

  @Test
  @Order(3)
  void shouldAnswerAnEntitysFeaturesThroughTheApi() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String user = "e2e-" + UUID.randomUUID();
    String bootstrap = suite.url(Component.KAFKA);
    try (TopicTail features = TopicTail.of(bootstrap, "features");
        TopicWriter writer = new TopicWriter(bootstrap)) {
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\"" + user + "\",\"metric\":1,\"timestamp\":\"2025-01-01T10:00:00Z\"}");
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\"" + user + "\",\"metric\":3,\"timestamp\":\"2025-01-01T10:00:30Z\"}");
      features.await(2, r -> user.equals(r.key()), Duration.ofSeconds(30));
    }

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(suite.url(Component.ENRICH) + "/api/v1/features/" + user))
                .header("X-API-Key", suite.apiKey())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = EventJson.mapper().readTree(response.body());
    assertThat(body.at("/series/0/delta").asDouble()).isEqualTo(2.0);
    assertThat(body.at("/activity/secondsSincePrevious").asDouble()).isEqualTo(30.0);
  }

  @Test
  @Order(4)
  void shouldShowASpikeInMetricEventsAsAnAnomalyThroughTheApi() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String sensor = "e2e-sensor-" + UUID.randomUUID();
    Instant start = Instant.parse("2025-02-01T00:00:00Z");
    try (TopicWriter writer = new TopicWriter(suite.url(Component.KAFKA))) {
      // 40 calm readings (deltas of ±1) warm the detector up; then the temperature jumps.
      for (int i = 0; i <= 40; i++) {
        double value = i == 40 ? 90 : 20 + i % 2;
        writer.write(
            "metric-events",
            sensor,
            "{\"entityId\":\""
                + sensor
                + "\",\"metric\":\"temperature\",\"value\":"
                + value
                + ",\"timestamp\":\""
                + start.plusSeconds(60L * i)
                + "\"}");
      }
    }
    URI anomalies =
        URI.create(suite.url(Component.ANOMALY) + "/api/v1/anomalies?entityId=" + sensor);

    JsonNode found =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    EventJson.mapper()
                        .readTree(
                            HTTP.send(
                                    HttpRequest.newBuilder(anomalies)
                                        .header("X-API-Key", suite.apiKey())
                                        .build(),
                                    HttpResponse.BodyHandlers.ofString())
                                .body())
                        .path("anomalies"),
                list -> list.size() > 0);

    assertThat(found).hasSize(1);
    assertThat(found.at("/0/value").asDouble()).isEqualTo(90.0);
    assertThat(found.at("/0/metric").asText()).isEqualTo("temperature");
    assertThat(Instant.parse(found.at("/0/eventTime").asText())).isEqualTo(start.plusSeconds(2400));
  }

  @Test
  @Order(5)
  void shouldTurnEventsSentFromAFileWithTheProduceCommandIntoFeatures(@TempDir Path folder)
      throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String user = "e2e-" + UUID.randomUUID();
    String device = "e2e-" + UUID.randomUUID();
    Path file = folder.resolve("events.jsonl");
    Files.write(
        file,
        List.of(
            "{\"userId\":\"" + user + "\",\"metric\":5,\"timestamp\":\"2025-03-01T10:00:00Z\"}",
            "{\"id\":\"" + device + "\",\"time\":\"2025-03-01T10:00:10\",\"metric\":0.5}",
            "{\"userId\":\"" + user + "\",\"metric\":8,\"timestamp\":\"2025-03-01T10:01:00Z\"}"));
    String bootstrap = suite.url(Component.KAFKA);
    try (TopicTail features = TopicTail.of(bootstrap, "features")) {
      SuiteCommand produce =
          SuiteCommand.run("produce", file.toString(), "--bootstrap-servers", bootstrap);

      assertThat(produce.exitCode()).as(produce.output()).isZero();
      List<ConsumerRecord<String, byte[]>> snapshots =
          features.await(
              3, r -> user.equals(r.key()) || device.equals(r.key()), Duration.ofSeconds(30));
      JsonNode last =
          EventJson.tree(
              snapshots.stream()
                  .filter(r -> user.equals(r.key()))
                  .reduce((a, b) -> b)
                  .orElseThrow()
                  .value());
      assertThat(last.at("/activity/totalEvents").asLong()).isEqualTo(2);
      assertThat(last.at("/value").asDouble()).isEqualTo(8.0);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
