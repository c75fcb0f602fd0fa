package dev.eventsuite.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.anomaly.AlertReceivers;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to anomaly-service's API, each answered with its problem type, and a good query
 * answered right after it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AlertReceivers.class)
class BadInputTest {

  static Stream<Arguments> badScores() {
    return Stream.of(
        Arguments.of("NaN", "{\"entityId\":\"e\",\"value\":NaN}", "malformed-json"),
        Arguments.of("an infinite value", "{\"entityId\":\"e\",\"value\":1e400}", "invalid-value"),
        Arguments.of("no value", "{\"entityId\":\"e\"}", "validation"),
        Arguments.of(
            "a value of the wrong type", "{\"entityId\":\"e\",\"value\":\"high\"}", "validation"),
        Arguments.of("no entity", "{\"value\":1}", "validation"),
        Arguments.of(
            "an entity id of 10,000 characters",
            "{\"entityId\":\"" + "e".repeat(10_000) + "\",\"value\":1}",
            "validation"),
        Arguments.of(
            "a time that is not one",
            "{\"entityId\":\"e\",\"value\":1,\"timestamp\":\"soon\"}",
            "invalid-timestamp"),
        Arguments.of("a field it does not have", "{\"entityId\":\"e\",\"valu\":1}", "validation"),
        Arguments.of("JSON cut short", "{\"entityId\":", "malformed-json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badScores")
  void shouldRefuseABadScoreRequestAndAnswerTheNext(String name, String body, String type) {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/score")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:" + type));
    assertAQueryAnswers();
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("a limit of 0", "/api/v1/anomalies?limit=0", "validation"),
        Arguments.of("a limit of 10^9", "/api/v1/anomalies?limit=1000000000", "validation"),
        Arguments.of(
            "a limit that is no number", "/api/v1/anomalies?limit=many", "invalid-parameter"),
        Arguments.of(
            "a since that is no time", "/api/v1/anomalies?since=yesterday", "invalid-since"),
        Arguments.of(
            "a since in year 999999999",
            "/api/v1/anomalies?since=%2B999999999-01-01T00:00:00Z",
            "invalid-range"),
        Arguments.of(
            "a series limit of 10^6", "/api/v1/entities/e/series?limit=1000000", "validation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void shouldRefuseABadQueryAndAnswerTheNext(String name, String uri, String type) {
    given()
        .urlEncodingEnabled(false)
        .header("X-API-Key", TestKeys.API_KEY)
        .get(uri)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:" + type));
    assertAQueryAnswers();
  }

  private static void assertAQueryAnswers() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/anomalies?limit=1")
        .then()
        .statusCode(200);
  }
}
