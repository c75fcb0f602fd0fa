package dev.eventsuite.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teams sharing one search service: bearer tokens of the configured issuer reach the collections
 * their permissions name, and nothing else.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TestTokens.Issuer.class)
class BearerTokensTest extends FixtureIndexTest {

  @Test
  void shouldSearchTheCollectionsATokenMayReadAndNoOther() {
    String handbook = TestTokens.withPermissions("read:handbook");

    search(
            handbook,
            Map.of("query", "restart the broker", "filter", Map.of("collection", "handbook")))
        .statusCode(200)
        .body("results.collection", everyItem(equalTo("handbook")));
    search(handbook, Map.of("query", "restart the broker", "filter", Map.of("collection", "mail")))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:forbidden"))
        .body("detail", equalTo("this token may not read collection 'mail'; it may read handbook"));
    search(handbook, Map.of("query", "restart the broker"))
        .statusCode(403)
        .body("detail", containsString("name one in filter.collection"));
    withToken(handbook)
        .get("/api/v1/collections")
        .then()
        .statusCode(200)
        .body("name", contains("handbook"));
    withToken(handbook).get("/api/v1/documents/restart").then().statusCode(200);
  }

  @Test
  void shouldHideADocumentOfAnotherCollection() {
    String mail = TestTokens.withPermissions("read:mail");

    withToken(mail)
        .get("/api/v1/documents/restart")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldSearchEverythingWithReadOnEveryCollectionOrTheApiKey() {
    search(TestTokens.withPermissions("read:*"), Map.of("query", "restart the broker"))
        .statusCode(200)
        .body("results.collection", hasItems("handbook"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "restart the broker"))
        .post("/api/v1/search")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldRefuseTokensThatAreNotValidSayingWhy() {
    Map<String, String> refusals =
        Map.of(
            TestTokens.expired("read:*"),
            "the token has expired",
            TestTokens.fromAnotherIssuer("read:*"),
            "the token is not from the configured issuer",
            TestTokens.forAnotherAudience("read:*"),
            "the token is not meant for this audience",
            TestTokens.signedByAnotherKey("read:*"),
            "the token's signature does not verify with the issuer's keys",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "the token's signature does not verify with the issuer's keys");
    refusals.forEach(
        (token, reason) ->
            search(token, Map.of("query", "restart the broker"))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventsuite:problem:unauthorized"))
                .body("detail", equalTo(reason)));
  }

  @Test
  void shouldLeaveAdministrationToTheAdminPermission() {
    withToken(TestTokens.withPermissions("write:*"))
        .delete("/api/v1/collections/scratch")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:eventsuite:problem:forbidden"));
  }

  private static io.restassured.response.ValidatableResponse search(
      String token, Map<String, Object> request) {
    return withToken(token)
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/search")
        .then();
  }

  private static RequestSpecification withToken(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
