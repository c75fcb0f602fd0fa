package dev.eventsuite.ingest;

import static io.restassured.RestAssured.given;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.testing.StreamMetrics;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What ingest-service's tests do again and again: upload, and read what came out. */
public final class Ingest {

  public static final Duration WAIT = Duration.ofSeconds(30);

  private Ingest() {}

  /** Uploads bytes as an object of the test bucket through the API. */
  public static ValidatableResponse upload(String bucket, String name, byte[] content) {
    return given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("application/octet-stream")
        .body(content)
        .when()
        .put("/api/v1/buckets/{bucket}/objects/{name}", bucket, name)
        .then();
  }

  /** The records on a topic whose key or named object matches, once {@code count} have come. */
  public static List<ConsumerRecord<String, byte[]>> await(
      TopicTail tail, int count, String objectPath) {
    return tail.await(count, r -> mentions(r, objectPath), WAIT);
  }

  /** The sections of a document, read from {@code documents}. */
  public static List<DocumentSectionExtracted> sections(
      List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .map(r -> EventJson.fromBytes(r.value(), DocumentEvent.class))
        .filter(DocumentSectionExtracted.class::isInstance)
        .map(DocumentSectionExtracted.class::cast)
        .toList();
  }

  private static boolean mentions(ConsumerRecord<String, byte[]> record, String objectPath) {
    String location = TopicTail.header(record, "dlq_location");
    return (location != null && location.endsWith(objectPath))
        || TopicTail.text(record).contains(objectPath);
  }

  /** An OCI Object Storage event (CloudEvents 0.1) about an object of the local inbox bucket. */
  public static String objectEvent(String kind, String name, String eTag) {
    return """
        {"eventType":"com.oraclecloud.objectstorage.%s","eventID":"%s","source":"ObjectStorage",
         "eventTime":"2025-01-01T10:00:00Z","data":{"resourceName":"%s",
         "additionalDetails":{"namespace":"local","bucketName":"inbox","eTag":"%s"}}}
        """
        .formatted(kind, UUID.randomUUID(), name, eTag);
  }

  /** How often the object stream failed and rewound, from {@code /q/metrics}. */
  public static double objectStreamFailures() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    return StreamMetrics.failures(metrics, "objects");
  }

  /** Whether a record on {@code metric-events} is a row of the object version the source names. */
  public static boolean isRowOf(ConsumerRecord<String, byte[]> record, String source) {
    String header = TopicTail.header(record, "ce_source");
    return header != null && header.contains(source);
  }
}
