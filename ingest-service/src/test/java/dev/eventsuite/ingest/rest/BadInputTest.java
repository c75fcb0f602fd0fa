package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to ingest-service's APIs and bucket, each answered as documented, and a good upload
 * ingested right after.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BadInputTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** Encoded, the traversal reaches the bucket API, which refuses the name. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "a%2F..%2F..%2Fb.txt",
        "a%00b.txt"
      })
  void shouldRefuseATraversingOrInvalidObjectName(String name) {
    putAsWritten(name)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:invalid-name"));
    assertAGoodUploadIsIngested();
  }

  /** Plain, the HTTP server resolves the dots first: the path names no resource at all. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"../../etc/passwd", "a/../../../b.txt"})
  void shouldFindNoResourceAtAPlainTraversingPath(String name) {
    putAsWritten(name).statusCode(404).contentType("application/problem+json");
    assertAGoodUploadIsIngested();
  }

  @Test
  void shouldFindNoFaultInjectionWhereItIsOff() {
    given()
        .header("X-API-Key", TestKeys.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body("{\"seconds\": 30}")
        .post("/api/v1/admin/faults/store-outage")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:eventsuite:problem:not-found"));
    assertAGoodUploadIsIngested();
  }

  @Test
  void shouldRefuseACloudEvents10EventWhereOcisIsExpected() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            "{\"specversion\":\"1.0\",\"type\":\"com.oraclecloud.objectstorage.createobject\","
                + "\"source\":\"/os\",\"id\":\"1\",\"data\":{\"resourceName\":\"a.txt\"}}")
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:invalid-event"));
    assertAGoodUploadIsIngested();
  }

  @Test
  void shouldIgnoreAnEventOfAnotherTypeAndRefuseMalformedOnes() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            "{\"eventType\":\"com.oraclecloud.objectstorage.createbucket\",\"eventID\":\"e1\","
                + "\"eventTime\":\"2025-01-01T10:00:00Z\",\"data\":{\"resourceName\":\"b\"}}")
        .post("/api/v1/events")
        .then()
        .statusCode(202)
        .body("ignored", equalTo(1));
    for (String body : List.of("{not json", "[]", "42", "[" + "{},".repeat(1000) + "{}]")) {
      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/events")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertAGoodUploadIsIngested();
  }

  @Test
  void shouldDeadLetterABinaryFileUnderATextNameAndAnArchive() throws IOException {
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0};
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      // A small archive that expands to 100 MB of zeros.
      out.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    try (TopicTail deadLetters = TopicTail.of("object-events-dlq")) {
      upload("inbox", run + "/program.txt", elf).statusCode(201);
      upload("inbox", run + "/bomb.zip", zip.toByteArray()).statusCode(201);

      for (String name : List.of("program.txt", "bomb.zip")) {
        ConsumerRecord<String, byte[]> letter =
            Ingest.await(deadLetters, 1, "inbox/" + run + "/" + name).get(0);
        assertThat(TopicTail.header(letter, "dlq_error_type"))
            .as(name)
            .isEqualTo("unsupported-content");
      }
    }
    assertAGoodUploadIsIngested();
  }

  /** Uploads to the object name exactly as written, without encoding it. */
  private static ValidatableResponse putAsWritten(String name) {
    return given()
        .urlEncodingEnabled(false)
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("application/octet-stream")
        .body("x".getBytes(StandardCharsets.UTF_8))
        .put("/api/v1/buckets/inbox/objects/" + name)
        .then();
  }

  private void assertAGoodUploadIsIngested() {
    String name = run + "/good-" + UUID.randomUUID() + ".csv";
    try (TopicTail metrics = TopicTail.of("metric-events")) {
      upload(
              "inbox",
              name,
              ("entityId,value,timestamp\n" + run + "-ok,1,2025-01-01T10:00:00Z\n")
                  .getBytes(StandardCharsets.UTF_8))
          .statusCode(201);
      // Behind whatever objects the bucket already holds when the service starts.
      assertThat(metrics.await(1, r -> (run + "-ok").equals(r.key()), Duration.ofSeconds(90)))
          .hasSize(1);
    }
  }
}
