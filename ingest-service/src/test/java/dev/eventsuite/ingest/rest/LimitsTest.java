package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Objects over the limits are refused, named, and counted. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
@WithTestResource(KafkaTestResource.class)
class LimitsTest {

  /** Limits small enough to reach in a test. */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "suite.ingest.limits.max-document-size", "1K",
          "quarkus.http.limits.max-body-size", "4K");
    }
  }

  @Test
  void shouldDeadLetterADocumentOverTheLimitAndCountIt() {
    String name = UUID.randomUUID() + "/big.txt";
    try (TopicTail deadLetters = TopicTail.of("object-events-dlq")) {
      upload("inbox", name, "word ".repeat(400).getBytes(StandardCharsets.UTF_8)).statusCode(201);

      ConsumerRecord<String, byte[]> letter = Ingest.await(deadLetters, 1, "inbox/" + name).get(0);
      assertThat(TopicTail.header(letter, "dlq_error_type")).isEqualTo("too-large");
      assertThat(TopicTail.header(letter, "dlq_reason"))
          .isEqualTo("the object is 2000 bytes; documents and images are read up to 1024");
    }
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            matchesPattern(
                "(?s).*suite_ingest_objects_total\\{outcome=\"rejected\"[^}]*\\} [1-9].*"));
  }

  @Test
  void shouldRefuseAnUploadOverTheLimitBeforeReadingIt() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .body(new byte[5000])
        .when()
        .put("/api/v1/buckets/inbox/objects/{name}", UUID.randomUUID() + ".bin")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("at most 4096 are taken"));
  }
}
