package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uploading, listing, downloading and deleting objects through the API. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BucketsApiTest {

  private final String bucket = "api-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldStoreAnUploadWithItsMetadataAndListIt() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .header("opc-meta-Owner", "ops")
        .contentType("text/plain")
        .body("hello".getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/api/v1/buckets/{bucket}/objects/{name}", bucket, "dir/hello world.txt")
        .then()
        .statusCode(201)
        .body("name", equalTo("dir/hello world.txt"))
        .body("size", equalTo(5))
        .body("eTag", equalTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"))
        .body("metadata.owner", equalTo("ops"))
        .body("contentType", startsWith("text/plain"));

    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .queryParam("prefix", "dir/")
        .when()
        .get("/api/v1/buckets/{bucket}/objects", bucket)
        .then()
        .statusCode(200)
        .body("objects", hasSize(1))
        .body("objects[0].name", equalTo("dir/hello world.txt"))
        .body("next", nullValue());
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/buckets/{bucket}/objects/{name}", bucket, "dir/hello world.txt")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .header("ETag", "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(equalTo("hello"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/buckets/{bucket}/objects/{name}", bucket, "dir/absent.txt")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/buckets")
        .then()
        .statusCode(200)
        .body("buckets", hasItem(bucket));
  }

  @Test
  void shouldDeleteAnObjectAndAnswerNotFoundAfterwards() {
    upload(bucket, "x.txt", "x".getBytes(StandardCharsets.UTF_8)).statusCode(201);

    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .delete("/api/v1/buckets/{b}/objects/x.txt", bucket)
        .then()
        .statusCode(204);
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .delete("/api/v1/buckets/{b}/objects/x.txt", bucket)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseNamesThatAreNotSafe() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .urlEncodingEnabled(false)
        .body("x")
        .when()
        .put("/api/v1/buckets/" + bucket + "/objects/a/..%2F..%2F..%2Fsecret")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eventsuite:problem:invalid-name"))
        .body("detail", containsString("'..'"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .urlEncodingEnabled(false)
        .body("x")
        .when()
        .put("/api/v1/buckets/" + bucket + "/objects/line%0Abreak")
        .then()
        .statusCode(400)
        .body("detail", containsString("control character"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .body("x")
        .when()
        .put("/api/v1/buckets/.hidden/objects/x")
        .then()
        .statusCode(400);
  }

  @Test
  void shouldRequireTheApiKey() {
    given().body("x").when().put("/api/v1/buckets/{b}/objects/x", bucket).then().statusCode(401);
    given().when().get("/api/v1/buckets/{b}/objects", bucket).then().statusCode(401);
  }
}
