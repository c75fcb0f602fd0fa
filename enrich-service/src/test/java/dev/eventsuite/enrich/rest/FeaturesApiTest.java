package dev.eventsuite.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FeaturesApiTest {

  @Test
  void shouldAnswerAnEntitysFeaturesAfterItsEvents() {
    String user = given2Events();

    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/features/{id}", user)
        .then()
        .statusCode(200)
        .body("entityId", equalTo(user))
        .body("asOf", equalTo("2025-01-01T10:01:00Z"))
        .body("activity.totalEvents", equalTo(2))
        .body("activity.eventCounts.'5m'", equalTo(2))
        .body("activity.secondsSincePrevious", equalTo(60.0f))
        .body("series", hasSize(1))
        .body("series[0].lastValue", equalTo(50.0f))
        .body("series[0].delta", equalTo(8.0f));
  }

  @Test
  void shouldLookUpSeveralEntitiesAndNameThoseItDoesNotKnow() {
    String user = given2Events();

    given()
        .header("Authorization", "Bearer " + TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityIds\":[\"" + user + "\",\"nobody\"]}")
        .when()
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(200)
        .body("features.entityId", contains(user))
        .body("missing", contains("nobody"));
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownEntity() {
    // Right after start, until its partitions caught up, the service cannot tell yet
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var answer =
                  given()
                      .header("X-API-Key", TestKeys.API_KEY)
                      .get("/api/v1/features/never-seen")
                      .then();
              if (answer.extract().statusCode() != 503) {
                return true;
              }
              answer
                  .header("Retry-After", "2")
                  .body("type", equalTo("urn:eventsuite:problem:loading"));
              return false;
            });
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/features/never-seen")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:not-found"))
        .body("detail", equalTo("no features for entity 'never-seen'"));
  }

  @Test
  void shouldRefuseCallsWithoutAValidKey() {
    given()
        .when()
        .get("/api/v1/features/u1")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().header("X-API-Key", "wrong").when().get("/api/v1/features/u1").then().statusCode(401);
  }

  @Test
  void shouldRejectEmptyAndOversizedBatches() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityIds\":[]}")
        .when()
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("entityIds"));
    String tooMany = "[" + "\"x\",".repeat(1000) + "\"x\"]";
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityIds\":" + tooMany + "}")
        .when()
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(400);
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityIds\":")
        .when()
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eventsuite:problem:malformed-json"));
  }

  /** Two events of a new user, waited for on the features topic. */
  private static String given2Events() {
    String user = "u-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\"" + user + "\",\"metric\":42,\"timestamp\":\"2025-01-01T10:00:00\"}");
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\"" + user + "\",\"metric\":50,\"timestamp\":\"2025-01-01T10:01:00\"}");
      features.await(2, r -> user.equals(r.key()), Duration.ofSeconds(30));
    }
    return user;
  }
}
