package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files into the suite the two ways users bring them: dropped into a bucket, or uploaded. */
@Order(2)
class IngestEndToEndIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void shouldTurnACsvFileDroppedIntoABucketIntoMetricEventsAndFeatures() throws IOException {
    RunningSuite suite = SuiteUnderTest.get();
    String run = UUID.randomUUID().toString();
    String sensor = "sensor-" + run;
    String bootstrap = suite.url(Component.KAFKA);
    try (TopicTail metrics = TopicTail.of(bootstrap, "metric-events");
        TopicTail features = TopicTail.of(bootstrap, "features")) {
      Path file =
          suite.dataDir().buckets().resolve(DataDir.DEFAULT_BUCKET).resolve("e2e/" + run + ".csv");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "entityId,metric,value,timestamp\n"
              + sensor
              + ",temperature,20.5,2025-01-01T10:00:00Z\n"
              + sensor
              + ",temperature,21.5,2025-01-01T10:01:00Z\n");

      List<ConsumerRecord<String, byte[]>> events =
          metrics.await(2, r -> sensor.equals(r.key()), WAIT);
      assertThat(events)
          .extracting(r -> EventJson.tree(r.value()).at("/value").asDouble())
          .containsExactly(20.5, 21.5);
      ConsumerRecord<String, byte[]> latest =
          features.await(2, r -> sensor.equals(r.key()), WAIT).get(1);
      assertThat(EventJson.tree(latest.value()).at("/series/delta").asDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void shouldUploadAFolderOnceAndTurnItsDocumentIntoChunks() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String prefix = "e2e-" + UUID.randomUUID() + "/";
    Files.writeString(
        dir.resolve("runbook.md"),
        "# Restarting the ingest service\n\nDrain the consumer group first, then restart.\n");
    Files.writeString(dir.resolve("page.html"), "<html><title>Status page</title><p>All good.</p>");
    Files.writeString(dir.resolve(".notes.swp"), "editor state");
    String bootstrap = suite.url(Component.KAFKA);
    try (TopicTail documents = TopicTail.of(bootstrap, "documents");
        TopicTail chunks = TopicTail.of(bootstrap, "document-chunks")) {

      SuiteCommand first = upload(suite, prefix);

      assertThat(first.exitCode()).as(first.output()).isZero();
      assertThat(first.output()).contains("sent     2").contains("1 hidden").contains("failed   0");
      JsonNode runbook =
          EventJson.tree(
              documents
                  .await(1, r -> objectName(r).equals(prefix + "runbook.md"), WAIT)
                  .get(0)
                  .value());
      assertThat(runbook.at("/metadata/title").asText()).isEqualTo("Restarting the ingest service");
      assertThat(runbook.at("/metadata/bucket").asText()).isEqualTo(DataDir.DEFAULT_BUCKET);
      assertThat(runbook.at("/text").asText()).contains("Drain the consumer group first");
      String documentId = runbook.at("/documentId").asText();
      JsonNode chunk =
          EventJson.tree(
              chunks
                  .await(
                      1,
                      r -> documentId.equals(EventJson.tree(r.value()).at("/documentId").asText()),
                      WAIT)
                  .get(0)
                  .value());
      assertThat(chunk.at("/text").asText()).contains("Drain the consumer group first");
      documents.await(1, r -> objectName(r).equals(prefix + "page.html"), WAIT);
      assertThatTheChunkIsFoundInTheVectorIndex(suite, documentId);
    }

    SuiteCommand second = upload(suite, prefix);

    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("sent     0").contains("2 unchanged");
  }

  /**
   * embed-service put the chunk in the vector index in the data folder, and a question embedded
   * through its API finds it first.
   */
  private static void assertThatTheChunkIsFoundInTheVectorIndex(
      RunningSuite suite, String documentId) throws Exception {
    try (LuceneVectorStore index =
        LuceneVectorStore.readOnly(
            suite.dataDir().root().resolve("vectors"), 100, Duration.ofMillis(100))) {
      await().atMost(WAIT).until(() -> !index.documentChunks(documentId).isEmpty());
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(suite.url(Component.EMBED) + "/api/v1/embeddings"))
                  .header("X-API-Key", suite.apiKey())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"texts\":[\"how do I restart the ingest service?\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode vector = EventJson.mapper().readTree(response.body()).at("/vectors/0");
      float[] query = new float[vector.size()];
      for (int i = 0; i < query.length; i++) {
        query[i] = (float) vector.get(i).asDouble();
      }
      List<Hit> found = index.nearest(query, 1, ChunkFilter.collection(DataDir.DEFAULT_BUCKET));
      assertThat(found.get(0).documentId()).isEqualTo(documentId);
      assertThat(index.chunks(List.of(found.get(0).chunkId())).get(0).title())
          .isEqualTo("Restarting the ingest service");
    }
  }

  private SuiteCommand upload(RunningSuite suite, String prefix) {
    return SuiteCommand.run(
        "upload", dir.toString(), "--prefix", prefix, "--data", suite.dataDir().root().toString());
  }

  private static String objectName(ConsumerRecord<String, byte[]> record) {
    return EventJson.tree(record.value()).at("/metadata/objectName").asText();
  }
}
