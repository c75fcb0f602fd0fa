package dev.eventsuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bearer tokens write the buckets and collections their permissions name, and no other. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TestTokens.Issuer.class)
class BearerTokensTest {

  private final String name = UUID.randomUUID() + "/notes.txt";

  @Test
  void shouldWriteOnlyTheBucketsATokenMayWrite() {
    String inbox = TestTokens.withPermissions("write:inbox");

    upload(inbox, "inbox").statusCode(201);
    upload(inbox, "finance")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:forbidden"))
        .body(
            "detail", equalTo("this token may not write collection 'finance'; it may write inbox"));
    upload(TestTokens.withPermissions("read:inbox"), "inbox").statusCode(403);
    withToken(TestTokens.withPermissions("read:inbox"))
        .get("/api/v1/buckets/finance/objects")
        .then()
        .statusCode(403);
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("text/plain")
        .body("Figures.".getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/buckets/finance/objects/" + name)
        .then()
        .statusCode(201);
    withToken(inbox)
        .get("/api/v1/buckets")
        .then()
        .statusCode(200)
        .body("buckets", hasItem("inbox"))
        .body("buckets", not(hasItem("finance")));
  }

  @Test
  void shouldPostDocumentsOnlyToCollectionsATokenMayWrite() {
    String notes = TestTokens.withPermissions("write:notes");
    Map<String, Object> document = Map.of("title", "T", "text", "Some text.", "collection", "hr");

    withToken(notes)
        .contentType(ContentType.JSON)
        .body(document)
        .post("/api/v1/documents")
        .then()
        .statusCode(403);
    withToken(notes)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "T", "text", "Some text.", "collection", "notes"))
        .post("/api/v1/documents")
        .then()
        .statusCode(202);
    withToken(notes)
        .delete("/api/v1/documents/" + UUID.randomUUID())
        .then()
        .statusCode(403)
        .body(
            "detail",
            equalTo("removing a posted document by id needs write on every collection (write:*)"));
  }

  private io.restassured.response.ValidatableResponse upload(String token, String bucket) {
    return withToken(token)
        .contentType("text/plain")
        .body("A note.".getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/buckets/" + bucket + "/objects/" + name)
        .then();
  }

  private static RequestSpecification withToken(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
