package dev.eventsuite.embed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EmbeddingsApiTest {

  private static RequestSpecification withKey() {
    return given().header("X-API-Key", TestKeys.API_KEY).contentType(ContentType.JSON);
  }

  @Test
  void shouldReturnOneUnitVectorPerTextWithTheModel() {
    List<List<Float>> vectors =
        withKey()
            .body(Map.of("texts", List.of("A man is playing a guitar.", "The market fell.")))
            .post("/api/v1/embeddings")
            .then()
            .statusCode(200)
            .body("model", equalTo("bge-small-en-v15-int8@onnx-1.20.0-beta30"))
            .body("dimension", equalTo(384))
            .body("vectors", hasSize(2))
            .extract()
            .path("vectors");

    for (List<Float> vector : vectors) {
      assertThat(vector).hasSize(384);
      assertThat(vector.stream().mapToDouble(v -> v * v).sum()).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void shouldAnswerARepeatedTextFromTheCache() {
    String text = "cached sentence " + UUID.randomUUID();
    long hits = withKey().get("/api/v1/cache/stats").then().extract().jsonPath().getLong("hits");

    withKey()
        .body(Map.of("texts", List.of(text)))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(200);
    withKey()
        .body(Map.of("texts", List.of(text)))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(200);

    long after =
        withKey()
            .get("/api/v1/cache/stats")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("hits");
    assertThat(after).isEqualTo(hits + 1);
  }

  @Test
  void shouldEmptyTheCacheOnRequest() {
    withKey()
        .body(Map.of("texts", List.of("to be forgotten")))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(200);

    withKey().delete("/api/v1/cache").then().statusCode(200).body("entries", equalTo(0));
  }

  @Test
  void shouldRefuseRequestsWithoutAKey() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("texts", List.of("x")))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAnEmptyListOrAnEmptyText() {
    withKey()
        .body(Map.of("texts", List.of()))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("at least one text"));
    withKey()
        .body(Map.of("texts", List.of("fine", " ")))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(400)
        .body("detail", equalTo("texts[1] is empty"));
  }

  @Test
  void shouldRefuseTooManyOrTooLongTexts() {
    withKey()
        .body(Map.of("texts", Collections.nCopies(257, "x")))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("at most 256 texts"));
    withKey()
        .body(Map.of("texts", List.of("a".repeat(10_001))))
        .post("/api/v1/embeddings")
        .then()
        .statusCode(413)
        .body("detail", equalTo("texts[0] has 10001 characters; at most 10000"));
  }
}
