package dev.eventsuite.search.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the search API, each answered as documented (problem+json with its type, or a
 * harmless answer for text that only looks like a query language), and a good search answered right
 * after it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BadInputTest extends FixtureIndexTest {

  /** A body refused with a status and problem type. */
  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        Arguments.of("k of 10^9", "{\"query\":\"x\",\"k\":1000000000}", 400, "validation"),
        Arguments.of("k of 0", "{\"query\":\"x\",\"k\":0}", 400, "validation"),
        Arguments.of("k beyond an int", "{\"query\":\"x\",\"k\":1e30}", 400, "malformed-json"),
        Arguments.of("NaN", "{\"query\":\"x\",\"minScore\":NaN}", 400, "malformed-json"),
        Arguments.of(
            "an infinite number", "{\"query\":\"x\",\"recencyWeight\":1e400}", 400, "validation"),
        Arguments.of("an empty body", "", 400, "validation"),
        Arguments.of("JSON cut short", "{\"query\": \"x", 400, "malformed-json"),
        Arguments.of("a scalar body", "42", 400, "malformed-json"),
        Arguments.of("null", "null", 400, "validation"),
        Arguments.of(
            "a query of 100,000 characters",
            "{\"query\":\"" + "a".repeat(100_000) + "\"}",
            400,
            "validation"),
        Arguments.of(
            "nesting 5,000 deep", "[".repeat(5000) + "]".repeat(5000), 400, "malformed-json"),
        Arguments.of(
            "a date far in the future in a filter",
            "{\"query\":\"x\",\"filter\":{\"createdAfter\":\"+999999999-12-31T23:59:59Z\"}}",
            400,
            "invalid-filter"),
        Arguments.of(
            "a metadata key with SQL",
            "{\"query\":\"x\",\"filter\":{\"metadata\":{\"a' OR '1'='1\":\"v\"}}}",
            400,
            "invalid-filter"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  void shouldRefuseABadBodyAndAnswerTheNextSearch(
      String name, String body, int status, String type) {
    withKey()
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/search")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:" + type));
    assertGoodSearchAnswers();
  }

  @Test
  void shouldRefuseABodyThatIsNotUtf8() {
    byte[] body = {
      '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };
    withKey()
        .body(body)
        .post("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:malformed-json"));
    assertGoodSearchAnswers();
  }

  @Test
  void shouldRefuseABodyOfAnotherMediaType() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.TEXT)
        .body("query=x")
        .post("/api/v1/search")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertGoodSearchAnswers();
  }

  /** Text that is SQL or Lucene syntax is searched for as text: no error, nothing matched by it. */
  @Test
  void shouldSearchQueryLanguageAsPlainText() {
    for (String text :
        List.of(
            "' OR 1=1 --",
            "\"; DROP TABLE chunks; --",
            "*:*",
            "title:(zqxv AND wvqz~2) OR *",
            "\\",
            "[* TO *]",
            "((((((((((")) {
      for (String mode : List.of("keyword", "hybrid", "semantic")) {
        Response response =
            withKey().body(Map.of("query", text, "mode", mode)).post("/api/v1/search");
        assertThat(response.statusCode()).as(mode + ": " + text).isEqualTo(200);
      }
      List<String> matched =
          withKey()
              .body(Map.of("query", text, "mode", "keyword"))
              .post("/api/v1/search")
              .then()
              .extract()
              .jsonPath()
              .getList("results.documentId");
      assertThat(matched).as("documents matched by the syntax of " + text).isEmpty();
    }
    List<String> filtered =
        withKey()
            .body(
                Map.of(
                    "query",
                    "broker",
                    "filter",
                    Map.of("metadata", Map.of("owner", "x' OR '1'='1"), "category", List.of("*"))))
            .post("/api/v1/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("results.documentId");
    assertThat(filtered).isEmpty();
  }

  @Test
  void shouldAnswerPathTraversalInADocumentIdWithNotFound() {
    for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..")) {
      given()
          .urlEncodingEnabled(false)
          .header("X-API-Key", TestKeys.API_KEY)
          .get("/api/v1/documents/" + id)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    assertGoodSearchAnswers();
  }

  @Test
  void shouldRefuseMissingWrongAndMalformedCredentials() {
    for (Map<String, String> headers :
        List.of(
            Map.<String, String>of(),
            Map.of("X-API-Key", "wrong"),
            Map.of("X-API-Key", ""),
            Map.of("Authorization", "Bearer " + "x".repeat(10_000)),
            Map.of("Authorization", "Basic " + TestKeys.API_KEY),
            Map.of("Authorization", "Bearer"))) {
      List<String> challenges =
          given()
              .headers(headers)
              .contentType(ContentType.JSON)
              .body(Map.of("query", "broker"))
              .post("/api/v1/search")
              .then()
              .statusCode(401)
              .contentType("application/problem+json")
              .body("type", equalTo("urn:eventsuite:problem:unauthorized"))
              .extract()
              .headers()
              .getValues("WWW-Authenticate");
      // A Basic challenge would open the browser's own login prompt over the search page.
      assertThat(challenges).containsExactly("Bearer realm=\"eventsuite\"");
    }
    assertGoodSearchAnswers();
  }

  private static io.restassured.specification.RequestSpecification withKey() {
    return given().header("X-API-Key", TestKeys.API_KEY).contentType(ContentType.JSON);
  }

  private static void assertGoodSearchAnswers() {
    withKey()
        .body(Map.of("query", "restart the broker", "mode", "keyword"))
        .post("/api/v1/search")
        .then()
        .statusCode(200)
        .body("results[0].documentId", equalTo("restart"));
  }
}
