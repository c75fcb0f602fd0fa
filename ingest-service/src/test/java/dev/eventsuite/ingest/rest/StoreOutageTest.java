package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * While the service's store is unavailable, a file that arrives waits instead of being
 * dead-lettered: readiness goes down, the object stream backs off, and once the store is back every
 * row is published once.
 */
@QuarkusTest
@TestProfile(StoreOutageTest.FaultsEnabled.class)
@WithTestResource(KafkaTestResource.class)
class StoreOutageTest {

  private static final int ROWS = 50;

  @Inject ObjectStore store;

  /** Fault injection on, and a bucket of its own. */
  public static class FaultsEnabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "suite.faults.enabled",
          "true",
          "suite.data-dir",
          "target/store-outage-test/" + UUID.randomUUID());
    }
  }

  @Test
  void shouldIngestAFileThatArrivesDuringAStoreOutageOnceTheStoreIsBack() throws Exception {
    String name = UUID.randomUUID() + "/during-outage.csv";
    String source = "/objects/local/inbox/" + name + "@";
    StringBuilder csv = new StringBuilder("entityId,metric,value,timestamp\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("outage-").append(i % 5).append(",load,").append(i);
      csv.append(",2025-01-01T00:00:").append(String.format("%02d", i)).append("Z\n");
    }
    // In the bucket before the outage, without an event: only the one posted below brings it in.
    String eTag =
        store
            .put(
                "inbox",
                name,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                -1,
                "text/csv",
                Map.of())
            .eTag();
    double failuresBefore = Ingest.objectStreamFailures();

    List<ConsumerRecord<String, byte[]>> rows;
    List<ConsumerRecord<String, byte[]>> deadLetters;
    try (TopicTail events = TopicTail.of("metric-events");
        TopicTail dlq = TopicTail.of("object-events-dlq")) {
      given()
          .header("X-API-Key", TestKeys.ADMIN_KEY)
          .contentType(ContentType.JSON)
          .body("{\"seconds\": 6}")
          .post("/api/v1/admin/faults/store-outage")
          .then()
          .statusCode(202)
          .body("until", notNullValue());
      given().get("/q/health/ready").then().statusCode(503);
      upload("inbox", "refused.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
          .statusCode(503)
          .header("Retry-After", notNullValue())
          .body("type", equalTo("urn:eventsuite:problem:store-unavailable"));
      // The file's event arrives while the store is out: its rows must wait, not be dead-lettered.
      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .contentType(ContentType.JSON)
          .body("[" + Ingest.objectEvent("createobject", name, eTag) + "]")
          .post("/api/v1/events")
          .then()
          .statusCode(202);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Ingest.objectStreamFailures() > failuresBefore);
      events.await(ROWS, r -> Ingest.isRowOf(r, source), Duration.ofSeconds(90));
      rows =
          events.drain(Duration.ofSeconds(3)).stream()
              .filter(r -> Ingest.isRowOf(r, source))
              .toList();
      deadLetters = dlq.drain(Duration.ofSeconds(1));
    }

    Set<String> ids =
        rows.stream().map(r -> TopicTail.header(r, "ce_id")).collect(Collectors.toSet());
    assertThat(rows).hasSize(ROWS);
    assertThat(ids).hasSize(ROWS);
    assertThat(deadLetters).noneMatch(letter -> TopicTail.text(letter).contains(name));
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void shouldRefuseAnOutageOfNoLengthOrLongerThanTenMinutes() {
    for (String body : List.of("{\"seconds\": 0}", "{\"seconds\": 601}", "{}")) {
      given()
          .header("X-API-Key", TestKeys.ADMIN_KEY)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/admin/faults/store-outage")
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:eventsuite:problem:validation"));
    }
  }
}
