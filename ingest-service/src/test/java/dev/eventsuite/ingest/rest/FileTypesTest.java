package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.WAIT;
import static dev.eventsuite.ingest.Ingest.sections;
import static dev.eventsuite.ingest.Ingest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.ingest.Fixtures;
import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each kind of file, uploaded, comes out as the records it should. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FileTypesTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldTurnEachCsvRowIntoAMetricEvent() {
    String csv =
        "entityId,metric,value,timestamp\n"
            + run
            + "-a,cpu,0.5,2025-01-01T10:00:00Z\n"
            + run
            + "-b,cpu,0.7,2025-01-01T10:00:01Z\n";

    List<ConsumerRecord<String, byte[]>> records =
        metricRecordsOf("metrics.csv", csv.getBytes(StandardCharsets.UTF_8), 2);
    List<JsonNode> events = records.stream().map(r -> EventJson.tree(r.value())).toList();

    assertThat(events)
        .extracting(e -> e.get("entityId").asText())
        .containsExactlyInAnyOrder(run + "-a", run + "-b");
    JsonNode a =
        events.stream()
            .filter(e -> e.get("entityId").asText().endsWith("-a"))
            .findFirst()
            .orElseThrow();
    assertThat(a.get("metric").asText()).isEqualTo("cpu");
    assertThat(a.get("value").asDouble()).isEqualTo(0.5);
    assertThat(a.get("timestamp").asText()).isEqualTo("2025-01-01T10:00:00Z");
    assertThat(a.has("eventId")).as("a derived id travels in ce_id only").isFalse();
    assertThat(records)
        .extracting(r -> UUID.fromString(TopicTail.header(r, "ce_id")).version())
        .containsOnly(5);
    // each row's place in the object's version, by which a row published again is recognised
    assertThat(records)
        .extracting(r -> TopicTail.header(r, "ce_source"))
        .allSatisfy(
            source ->
                assertThat(source)
                    .matches(
                        "/eventsuite/ingest-service/objects/local/inbox/"
                            + run
                            + "/metrics.csv@.+"))
        .containsOnly(TopicTail.header(records.get(0), "ce_source"));
    assertThat(records)
        .extracting(r -> Long.parseLong(TopicTail.header(r, "ce_sequence")))
        .containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void shouldReadTsvJsonLinesAndJsonArrays() {
    assertThat(
            metricEventsOf(
                "m.tsv",
                ("userId\tmetric\ttimestamp\n" + run + "-t\t3\t2025-01-01T10:00:00Z\n")
                    .getBytes(StandardCharsets.UTF_8),
                1))
        .extracting(e -> e.get("value").asDouble())
        .containsExactly(3.0);
    String lines =
        "{\"userId\":\""
            + run
            + "-j\",\"metric\":1,\"timestamp\":\"2025-01-01T10:00:00\"}\n"
            + "{\"userId\":\""
            + run
            + "-j\",\"eventType\":\"login\",\"timestamp\":\"2025-01-01T10:00:05\"}\n";
    assertThat(metricEventsOf("m.jsonl", lines.getBytes(StandardCharsets.UTF_8), 2))
        .extracting(e -> e.path("eventType").asText("-"))
        .containsExactlyInAnyOrder("-", "login");
    String array = "[{\"id\":\"" + run + "-r\",\"time\":1735725600000,\"metric\":9}]";
    assertThat(metricEventsOf("m.json", array.getBytes(StandardCharsets.UTF_8), 1))
        .extracting(e -> e.get("value").asDouble())
        .containsExactly(9.0);
  }

  @Test
  void shouldDeadLetterBadRowsNamingThemAndPublishTheRest() {
    String name = "rows-" + run + ".csv";
    String csv =
        "entityId,value,timestamp\n"
            + run
            + "-g,1,2025-01-01T10:00:00Z\n"
            + run
            + "-g,high,2025-01-01T10:00:01Z\n"
            + run
            + "-g,3,2025-01-01T10:00:02Z\n";
    try (TopicTail metrics = TopicTail.of("metric-events");
        TopicTail deadLetters = TopicTail.of("object-events-dlq")) {
      upload("inbox", name, csv.getBytes(StandardCharsets.UTF_8)).statusCode(201);

      ConsumerRecord<String, byte[]> letter = Ingest.await(deadLetters, 1, "inbox/" + name).get(0);
      assertThat(TopicTail.header(letter, "dlq_location"))
          .isEqualTo("row 2 of local/inbox/" + name);
      assertThat(TopicTail.header(letter, "dlq_error_type")).isEqualTo("invalid-row");
      assertThat(TopicTail.header(letter, "dlq_reason"))
          .isEqualTo("'value' is 'high', which is not a number");
      assertThat(TopicTail.text(letter)).isEqualTo(run + "-g,high,2025-01-01T10:00:01Z");
      assertThat(metrics.await(2, r -> r.key().equals(run + "-g"), WAIT)).hasSize(2);
    }
  }

  @Test
  void shouldDeadLetterAFirstRowOfFiveMegabytesAndPublishTheRest() {
    String name = "big-first-row-" + run + ".json";
    String firstRow =
        "{\"entityId\":\"" + run + "-h\",\"value\":1,\"note\":\"" + "x".repeat(5 << 20) + "\"}";
    String jsonLines =
        firstRow
            + "\n{\"entityId\":\""
            + run
            + "-h\",\"value\":2,\"timestamp\":\"2025-01-01T10:00:01Z\"}\n"
            + "{\"entityId\":\""
            + run
            + "-h\",\"value\":3,\"timestamp\":\"2025-01-01T10:00:02Z\"}\n";
    try (TopicTail metrics = TopicTail.of("metric-events");
        TopicTail deadLetters = TopicTail.of("object-events-dlq")) {
      upload("inbox", name, jsonLines.getBytes(StandardCharsets.UTF_8)).statusCode(201);

      ConsumerRecord<String, byte[]> letter = Ingest.await(deadLetters, 1, "inbox/" + name).get(0);
      assertThat(TopicTail.header(letter, "dlq_location"))
          .isEqualTo("row 1 of local/inbox/" + name);
      assertThat(TopicTail.header(letter, "dlq_reason"))
          .isEqualTo(
              "the line is "
                  + firstRow.length()
                  + " bytes long; a row may have at most 1048576 (the first 1024 are kept)");
      List<ConsumerRecord<String, byte[]>> rows =
          metrics.await(2, r -> r.key().equals(run + "-h"), WAIT);
      assertThat(rows)
          .extracting(r -> EventJson.tree(r.value()).get("value").asDouble())
          .containsExactly(2.0, 3.0);
    }
  }

  @Test
  void shouldPublishADocumentsTextInSectionsWithItsMetadata() {
    String name = "guides/" + run + "/install.md";
    String markdown = "# Installing the suite\n\nBuild it, then run `bin/suite up`.\n";

    DocumentSectionExtracted section =
        sectionsOf(name, markdown.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(section.text())
        .isEqualTo("# Installing the suite\n\nBuild it, then run `bin/suite up`.");
    assertThat(section.sectionCount()).isEqualTo(1);
    assertThat(section.metadata().title())
        .as("from the first heading")
        .isEqualTo("Installing the suite");
    assertThat(section.metadata().category()).as("the first folder").isEqualTo("guides");
    assertThat(section.metadata().collection()).isEqualTo("inbox");
    assertThat(section.metadata().source()).isEqualTo("inbox/" + name);
    assertThat(section.metadata().size()).isEqualTo(markdown.length());
    assertThat(section.metadata().modifiedAt()).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void shouldReadHtmlPdfAndWordDocuments() {
    DocumentSectionExtracted html =
        sectionsOf(
                run + "/page.html",
                "<html><head><title>Ops</title></head><body><h1>Restart</h1><p>Stop, then start.</p></body></html>"
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);
    assertThat(html.text()).isEqualTo("# Restart\n\nStop, then start.");
    assertThat(html.metadata().title()).isEqualTo("Ops");
    assertThat(html.metadata().contentType()).isEqualTo("text/html");

    DocumentSectionExtracted pdf =
        sectionsOf(run + "/report", Fixtures.pdf("Quarterly report", "Revenue grew.")).get(0);
    assertThat(pdf.text()).contains("Revenue grew.");
    assertThat(pdf.metadata().title()).isEqualTo("Quarterly report");
    assertThat(pdf.metadata().contentType())
        .as("detected from the bytes")
        .isEqualTo("application/pdf");

    DocumentSectionExtracted docx =
        sectionsOf(run + "/minutes.docx", Fixtures.docx("Minutes", "We met.")).get(0);
    assertThat(docx.text()).isEqualTo("We met.");
    assertThat(docx.metadata().title()).isEqualTo("Minutes");
  }

  @Test
  void shouldMakeImagesFindableByWhatTheirMetadataSays() {
    DocumentSectionExtracted photo =
        sectionsOf(
                run + "/photo.jpg",
                Fixtures.jpegWithExif(64, 48, "Canon", "Canon EOS R5", "2024:05:01 10:00:00"))
            .get(0);

    assertThat(photo.text())
        .isEqualTo(
            "# photo.jpg\n\nImage, JPEG, 64 × 48 pixels.\nTaken 2024-05-01T10:00:00 with Canon EOS R5.");
    assertThat(photo.metadata().title()).isEqualTo("photo.jpg");
    assertThat(photo.metadata().userMetadata())
        .as("what the analysis found, for the search page")
        .containsEntry("image.format", "JPEG")
        .containsEntry("image.width", "64")
        .containsEntry("image.height", "48")
        .containsEntry("image.camera", "Canon EOS R5");
  }

  @Test
  void shouldDeadLetterEncryptedCorruptAndUnsupportedObjects() {
    assertThat(refusal(run + "/locked.pdf", Fixtures.encryptedPdf("secret")))
        .isEqualTo("encrypted");
    assertThat(
            refusal(
                run + "/broken.pdf",
                "%PDF-1.7\n1 0 obj <<< garbage".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("corrupt");
    byte[] zip = {
      0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0
    };
    assertThat(refusal(run + "/archive.zip", zip)).isEqualTo("unsupported-content");
  }

  @Test
  void shouldIngestAnUnchangedVersionOnlyOnce() {
    String name = "once-" + run + ".csv";
    byte[] csv =
        ("entityId,value,timestamp\n" + run + "-o,1,2025-01-01T10:00:00Z\n")
            .getBytes(StandardCharsets.UTF_8);
    try (TopicTail metrics = TopicTail.of("metric-events")) {
      upload("inbox", name, csv).statusCode(201);
      metrics.await(1, r -> r.key().equals(run + "-o"), WAIT);

      upload("inbox", name, csv).statusCode(200);

      assertThat(metrics.drain(Duration.ofSeconds(3)))
          .filteredOn(r -> r.key().equals(run + "-o"))
          .hasSize(1);
    }
  }

  @Test
  void shouldPublishOnlyTheRowsAnUpdateAppended() {
    String name = "appended-" + run + ".csv";
    String first =
        "entityId,value,timestamp\n"
            + run
            + "-p,1,2025-01-01T10:00:00Z\n"
            + run
            + "-p,2,2025-01-01T10:00:01Z\n";
    try (TopicTail metrics = TopicTail.of("metric-events")) {
      upload("inbox", name, first.getBytes(StandardCharsets.UTF_8)).statusCode(201);
      metrics.await(2, r -> r.key().equals(run + "-p"), WAIT);

      upload(
              "inbox",
              name,
              (first + run + "-p,3,2025-01-01T10:00:02Z\n").getBytes(StandardCharsets.UTF_8))
          .statusCode(200);

      List<ConsumerRecord<String, byte[]>> all =
          metrics.await(3, r -> r.key().equals(run + "-p"), WAIT);
      assertThat(all)
          .extracting(r -> EventJson.tree(r.value()).get("value").asDouble())
          .containsExactly(1.0, 2.0, 3.0);
      assertThat(metrics.drain(Duration.ofSeconds(2)))
          .filteredOn(r -> r.key().equals(run + "-p"))
          .hasSize(3);
    }
  }

  @Test
  void shouldRemoveADeletedDocumentDownstream() {
    String name = run + "/gone.txt";
    try (TopicTail documents = TopicTail.of("documents")) {
      upload("inbox", name, "Soon gone.".getBytes(StandardCharsets.UTF_8)).statusCode(201);
      String documentId = Ingest.await(documents, 1, "inbox/" + name).get(0).key();

      io.restassured.RestAssured.given()
          .header("X-API-Key", dev.eventsuite.testing.TestKeys.API_KEY)
          .when()
          .delete("/api/v1/buckets/inbox/objects/{name}", name)
          .then()
          .statusCode(204);

      ConsumerRecord<String, byte[]> removal =
          documents.await(2, r -> documentId.equals(r.key()), WAIT).get(1);
      assertThat(EventJson.tree(removal.value()).get("kind").asText()).isEqualTo("removed");
      assertThat(EventJson.tree(removal.value()).get("source").asText()).isEqualTo("inbox/" + name);
    }
  }

  private List<JsonNode> metricEventsOf(String name, byte[] content, int expected) {
    return metricRecordsOf(name, content, expected).stream()
        .map(r -> EventJson.tree(r.value()))
        .toList();
  }

  private List<ConsumerRecord<String, byte[]>> metricRecordsOf(
      String name, byte[] content, int expected) {
    try (TopicTail metrics = TopicTail.of("metric-events")) {
      upload("inbox", run + "/" + name, content).statusCode(201);
      return metrics.await(expected, r -> r.key() != null && r.key().startsWith(run), WAIT);
    }
  }

  private List<DocumentSectionExtracted> sectionsOf(String name, byte[] content) {
    try (TopicTail documents = TopicTail.of("documents")) {
      upload("inbox", name, content).statusCode(201);
      return sections(Ingest.await(documents, 1, "inbox/" + name));
    }
  }

  private String refusal(String name, byte[] content) {
    try (TopicTail deadLetters = TopicTail.of("object-events-dlq")) {
      upload("inbox", name, content).statusCode(201);
      ConsumerRecord<String, byte[]> letter = Ingest.await(deadLetters, 1, "inbox/" + name).get(0);
      assertThat(TopicTail.header(letter, "dlq_location")).isEqualTo("object local/inbox/" + name);
      return TopicTail.header(letter, "dlq_error_type");
    }
  }
}
