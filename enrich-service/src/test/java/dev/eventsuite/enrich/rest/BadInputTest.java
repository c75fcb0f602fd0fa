package dev.eventsuite.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to enrich-service's lookup API, each answered with its problem type, and a good lookup
 * answered right after it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BadInputTest {

  static Stream<Arguments> badBatches() {
    String tooMany =
        IntStream.range(0, 1001).mapToObj(i -> "\"e" + i + "\"").collect(Collectors.joining(","));
    return Stream.of(
        Arguments.of("no ids", "{\"entityIds\":[]}", 400, "validation"),
        Arguments.of("1,001 ids", "{\"entityIds\":[" + tooMany + "]}", 400, "validation"),
        Arguments.of("a blank id", "{\"entityIds\":[\" \"]}", 400, "validation"),
        Arguments.of("ids that are numbers", "{\"entityIds\":[[1]]}", 400, "validation"),
        Arguments.of("no entityIds", "{}", 400, "validation"),
        Arguments.of("a misspelled field", "{\"entityId\":[\"e\"]}", 400, "validation"),
        Arguments.of("not JSON", "entityIds=e", 400, "malformed-json"),
        Arguments.of("an array body", "[\"e\"]", 400, "malformed-json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBatches")
  void shouldRefuseABadBatchAndAnswerTheNextLookup(
      String name, String body, int status, String type) {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:" + type));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body("{\"entityIds\":[\"nobody-at-all\"]}")
        .post("/api/v1/features:batchGet")
        .then()
        .statusCode(200)
        .body("missing[0]", equalTo("nobody-at-all"));
  }
}
