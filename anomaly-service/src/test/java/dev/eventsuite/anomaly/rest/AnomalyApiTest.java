package dev.eventsuite.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AnomalyApiTest {

  private static final Instant START = Instant.parse("2025-04-01T00:00:00Z");

  @Test
  void shouldScoreALiveValueAgainstTheLatestFeaturesWithoutStoringIt() {
    String entity = "pump-" + UUID.randomUUID();
    Snapshots snapshots = new Snapshots(entity, "pressure", START);
    FeaturesUpdated last = null;
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      for (int i = 0; i < 35; i++) {
        last = snapshots.next(50 + i % 2);
        writer.write("features", entity, EventJson.toJson(last));
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> seriesSize(entity) == 34);

    // The latest reading was 50: 95 is a delta of 45 against deltas of ±1.
    score(entity, "pressure", 95)
        .body("status", equalTo("scored"))
        .body("anomaly", equalTo(true))
        .body("method", equalTo("zscore"))
        .body("feature", equalTo("delta"))
        .body("input", equalTo(45.0f))
        .body("score", greaterThan(3.0f))
        .body("basedOnEventId", equalTo(last.eventId()));
    score(entity, "pressure", 51).body("anomaly", equalTo(false)).body("status", equalTo("scored"));
    // Nothing was stored or learnt.
    score(entity, "pressure", 95).body("anomaly", equalTo(true));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/entities/{id}/series", entity)
        .then()
        .body("points", hasSize(34));
  }

  @Test
  void shouldSayAFirstValueHasNoDeltaToScore() {
    score("never-seen-" + UUID.randomUUID(), null, 3)
        .body("status", equalTo("skipped"))
        .body("anomaly", equalTo(false))
        .body("basedOnEventId", nullValue());
  }

  @Test
  void shouldRefuseInvalidRequestsWithProblemDetails() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"value\": 3}")
        .post("/api/v1/score")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("entityId"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityId\": \"e\", \"value\": 3, \"timestamp\": \"yesterday\"}")
        .post("/api/v1/score")
        .then()
        .statusCode(400)
        .body("type", containsString("invalid-timestamp"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .queryParam("since", "soon")
        .get("/api/v1/anomalies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .queryParam("limit", 0)
        .get("/api/v1/anomalies")
        .then()
        .statusCode(400);
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/entities/{id}/series", "nobody-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/v1/anomalies").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{\"entityId\": \"e\", \"value\": 3}")
        .post("/api/v1/score")
        .then()
        .statusCode(401);
  }

  private static io.restassured.response.ValidatableResponse score(
      String entity, String metric, double value) {
    String metricField = metric == null ? "" : ", \"metric\": \"" + metric + "\"";
    return given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            "{\"entityId\": \""
                + entity
                + "\""
                + metricField
                + ", \"value\": "
                + value
                + ", \"timestamp\": \"2025-04-01T01:00:00Z\"}")
        .post("/api/v1/score")
        .then()
        .statusCode(200);
  }

  /** How many of an entity's events are stored as scored; 0 before the first. */
  private static int seriesSize(String entity) {
    java.util.List<Object> points =
        given()
            .header("X-API-Key", TestKeys.API_KEY)
            .get("/api/v1/entities/{id}/series", entity)
            .then()
            .extract()
            .jsonPath()
            .getList("points");
    return points == null ? 0 : points.size();
  }
}
