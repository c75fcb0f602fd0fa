package dev.eventsuite.anomaly.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.anomaly.AlertReceivers;
import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.oci.OciApiStub;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AlertReceivers.class)
class AnomalyStreamTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

  @Test
  void shouldPublishStoreAndAlertASpikeOnceWhenItsDeltaPassesThreeSigma() throws Exception {
    String entity = "sensor-" + UUID.randomUUID();
    Snapshots snapshots = new Snapshots(entity, "temperature", START);
    List<FeaturesUpdated> sent = new ArrayList<>();
    // 40 readings alternating 20/21 (deltas ±1) warm the detector up past its 30 events;
    for (int i = 0; i < 40; i++) {
      sent.add(snapshots.next(20 + i % 2));
    }
    // then a jump to 60 (delta +39) and the fall back to 20 (delta -40): two anomalies, one alert.
    FeaturesUpdated spike = snapshots.next(60);
    FeaturesUpdated fall = snapshots.next(20);
    sent.add(spike);
    sent.add(fall);

    List<ConsumerRecord<String, byte[]>> published;
    try (TopicTail anomalies = TopicTail.of("anomalies");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      sent.forEach(f -> writer.write("features", entity, EventJson.toJson(f)));
      published = anomalies.await(2, r -> entity.equals(r.key()), WAIT);
    }

    List<JsonNode> events = published.stream().map(r -> EventJson.tree(r.value())).toList();
    assertThat(events)
        .extracting(e -> e.get("eventId").asText())
        .containsExactly(spike.eventId(), fall.eventId());
    assertThat(events.get(0).get("method").asText()).isEqualTo("zscore");
    assertThat(events.get(0).get("feature").asText()).isEqualTo("delta");
    assertThat(events.get(0).get("threshold").asDouble()).isEqualTo(3.0);
    assertThat(events.get(0).get("score").asDouble()).isGreaterThan(3);
    assertThat(events.get(0).at("/features/series/delta").asDouble()).isEqualTo(39);
    assertThat(TopicTail.header(published.get(0), "ce_type"))
        .isEqualTo("dev.eventsuite.anomaly.detected");

    JsonPath stored = awaitAnomalies(entity, 2);
    assertThat(stored.getList("anomalies.eventId"))
        .as("latest first")
        .containsExactly(fall.eventId(), spike.eventId());

    // One alert for the entity: the fall came within the suppression interval.
    OciApiStub.Request hook = AlertReceivers.awaitAlerts(AlertReceivers.webhook, entity).get(0);
    JsonPath alert = JsonPath.from(AlertReceivers.body(hook));
    assertThat(hook.rawPath()).isEqualTo("/hooks/alerts");
    assertThat(alert.getString("text"))
        .contains("Anomaly in " + entity + " / temperature", "zscore");
    assertThat(alert.getString("anomaly.eventId")).isEqualTo(spike.eventId());
    OciApiStub.Request message =
        AlertReceivers.awaitAlerts(AlertReceivers.notifications, entity).get(0);
    assertThat(message.method()).isEqualTo("POST");
    assertThat(message.rawPath())
        .isEqualTo("/20181201/topics/" + AlertReceivers.TOPIC_ID + "/messages");
    assertThat(JsonPath.from(AlertReceivers.body(message)).getString("title"))
        .isEqualTo("Anomaly in " + entity + " / temperature");
    assertThat(AlertReceivers.awaitAlerts(AlertReceivers.webhook, entity)).hasSize(1);

    JsonPath series =
        given()
            .header("X-API-Key", TestKeys.API_KEY)
            .get("/api/v1/entities/{id}/series", entity)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // The first reading has no delta to score.
    assertThat(series.getList("points")).hasSize(41);
    assertThat(series.getList("points.anomaly", Boolean.class).stream().filter(b -> b).count())
        .isEqualTo(2);
    assertThat(series.getList("metrics")).containsExactly("temperature");
  }

  @Test
  void shouldStoreAndAlertNothingTwiceWhenUpstreamRepublishesASnapshot() throws Exception {
    String entity = "sensor-" + UUID.randomUUID();
    Snapshots snapshots = new Snapshots(entity, "load", START);
    List<FeaturesUpdated> sent = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      sent.add(snapshots.next(5 + i % 2));
    }
    FeaturesUpdated spike = snapshots.next(40);
    sent.add(spike);
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      sent.forEach(f -> writer.write("features", entity, EventJson.toJson(f)));
      awaitAnomalies(entity, 1);
      AlertReceivers.awaitAlerts(AlertReceivers.webhook, entity);

      // enrich-service replays: the spike's snapshot again, then a calm reading.
      FeaturesUpdated calm = snapshots.next(41);
      writer.write("features", entity, EventJson.toJson(spike));
      writer.write("features", entity, EventJson.toJson(calm));
      await().atMost(WAIT).until(() -> points(entity).contains(calm.eventId()));

      assertThat(points(entity)).hasSize(36).doesNotHaveDuplicates();
      assertThat(awaitAnomalies(entity, 1).getList("anomalies")).hasSize(1);
      assertThat(AlertReceivers.awaitAlerts(AlertReceivers.webhook, entity)).hasSize(1);
    }
  }

  @Test
  void shouldDeadLetterASnapshotThatIsNotJsonAndScoreTheNext() {
    String entity = "sensor-" + UUID.randomUUID();
    try (TopicTail dlq = TopicTail.of("features-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("features", entity, "{not json");
      Snapshots snapshots = new Snapshots(entity, "m", START);
      writer.write("features", entity, EventJson.toJson(snapshots.next(1)));
      writer.write("features", entity, EventJson.toJson(snapshots.next(2)));

      ConsumerRecord<String, byte[]> letter =
          dlq.await(1, r -> entity.equals(r.key()), WAIT).get(0);
      assertThat(TopicTail.text(letter)).isEqualTo("{not json");
      await().atMost(WAIT).until(() -> points(entity).size() == 1);
    }
  }

  /** The event ids of an entity's scored events; none before the first is stored. */
  private static List<String> points(String entity) {
    List<String> ids =
        given()
            .header("X-API-Key", TestKeys.API_KEY)
            .get("/api/v1/entities/{id}/series", entity)
            .then()
            .extract()
            .jsonPath()
            .getList("points.eventId");
    return ids == null ? List.of() : ids;
  }

  private static JsonPath awaitAnomalies(String entity, int count) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                given()
                    .header("X-API-Key", TestKeys.API_KEY)
                    .queryParam("entityId", entity)
                    .get("/api/v1/anomalies")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            json -> json.getList("anomalies").size() >= count);
  }
}
