package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.TopicTail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The services talk to the local broker over TLS: its listener presents the certificate made on
 * first start, each service trusts it, and a producer that trusts it too feeds the pipeline.
 */
@Order(2)
class BrokerTlsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldConnectEveryServiceToTheBrokerOverTls() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();

    for (Component service : Component.services()) {
      HttpResponse<String> ready =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/health/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode kafka = kafkaCheck(EventJson.mapper().readTree(ready.body()));
      assertThat(kafka.at("/status").asText()).as(service.id()).isEqualTo("UP");
      assertThat(kafka.at("/data/protocol").asText()).as(service.id()).isEqualTo("SSL");
    }
  }

  @Test
  void shouldTurnAnEventSentOverTlsIntoFeatures() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String user = "tls-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of(suite.url(Component.KAFKA), "features")) {
      send(
          suite.brokerTlsAddress(),
          suite.brokerTlsSettings(),
          user,
          "{\"userId\":\"" + user + "\",\"metric\":7,\"timestamp\":\"2025-01-01T10:00:00Z\"}");

      var snapshot = features.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);

      assertThat(EventJson.tree(snapshot.value()).at("/value").asDouble()).isEqualTo(7.0);
    }
  }

  @Test
  void shouldRefuseAClientThatDoesNotSpeakTlsOnTheServicesAddress() {
    RunningSuite suite = SuiteUnderTest.get();

    assertThatThrownBy(() -> send(suite.brokerTlsAddress(), Map.of(), "plain", "{}"))
        .hasMessageContaining("not present in metadata");
  }

  private static void send(String bootstrap, Map<String, String> settings, String key, String value)
      throws Exception {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("metric-events", key, value)).get();
    }
  }

  private static JsonNode kafkaCheck(JsonNode health) {
    for (JsonNode check : health.at("/checks")) {
      if (check.at("/name").asText().equals("kafka")) {
        return check;
      }
    }
    throw new AssertionError("no kafka check in " + health);
  }
}
