package dev.eventsuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Documents posted as text go onto {@code documents} without a file. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DocumentsApiTest {

  @Test
  void shouldPublishAPostedDocumentAndRemoveIt() {
    String id = "note-" + UUID.randomUUID();
    try (TopicTail documents = TopicTail.of("documents")) {
      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .contentType("application/json")
          .body(
              "{\"id\":\""
                  + id
                  + "\",\"title\":\"Runbook\",\"text\":\"# Restart\\n\\nRun it again.\",\"category\":\"ops\",\"metadata\":{\"team\":\"sre\"}}")
          .when()
          .post("/api/v1/documents")
          .then()
          .statusCode(202)
          .body("documentId", equalTo(id))
          .body("sections", equalTo(1));

      DocumentSectionExtracted section =
          (DocumentSectionExtracted)
              EventJson.fromBytes(
                  documents.await(1, r -> id.equals(r.key()), Ingest.WAIT).get(0).value(),
                  DocumentEvent.class);
      assertThat(section.text()).isEqualTo("# Restart\n\nRun it again.");
      assertThat(section.metadata().title()).isEqualTo("Runbook");
      assertThat(section.metadata().category()).isEqualTo("ops");
      assertThat(section.metadata().collection()).isEqualTo("documents");
      assertThat(section.metadata().userMetadata()).containsEntry("team", "sre");

      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .when()
          .delete("/api/v1/documents/{id}", id)
          .then()
          .statusCode(202);
      assertThat(
              EventJson.fromBytes(
                  documents.await(2, r -> id.equals(r.key()), Ingest.WAIT).get(1).value(),
                  DocumentEvent.class))
          .isInstanceOf(DocumentRemoved.class);
    }
  }

  @Test
  void shouldRejectADocumentWithoutTextOrWithABadId() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("application/json")
        .body("{\"id\":\"bad id!\",\"text\":\" \"}")
        .when()
        .post("/api/v1/documents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("id", "text"));
  }
}
