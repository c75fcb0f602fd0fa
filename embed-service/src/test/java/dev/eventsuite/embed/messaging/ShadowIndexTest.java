package dev.eventsuite.embed.messaging;

import static dev.eventsuite.embed.messaging.TestChunks.CREATED;
import static dev.eventsuite.embed.messaging.TestChunks.chunk;
import static dev.eventsuite.embed.messaging.TestChunks.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.eventsuite.embed.domain.ChunkRecords;
import dev.eventsuite.embed.shadow.ShadowIndex;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicWriter;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.embedding.OnnxEmbeddingModel;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorWrite;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A shadow index with all-MiniLM-L6-v2 beside a store embedded by the default model: the store's
 * documents from before the start are copied into it, the stream writes both, and it reports ready
 * once it holds what the store holds.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ShadowIndexTest.WithShadow.class)
class ShadowIndexTest {

  private static final Path FOLDER = Path.of("target/test-data/shadow-index");
  private static final Path STORE = FOLDER.resolve("vectors");
  private static final List<String> EARLIER_DOCUMENTS =
      List.of("earlier-a", "earlier-b", "earlier-c");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** embed-service filling a shadow index, its store seeded before it starts. */
  public static class WithShadow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "suite.vectors.lucene.directory", STORE.toString(),
          "suite.vectors.shadow.model", "all-minilm-l6-v2-int8",
          "suite.vectors.shadow.lucene-directory", FOLDER.resolve("vectors-minilm").toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EarlierDocuments.class));
    }
  }

  /** Documents the store held before the shadow index was configured. */
  public static class EarlierDocuments implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      deleteFolder();
      OnnxEmbeddingModel model =
          new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_INT8);
      try (LuceneVectorStore store = LuceneVectorStore.writable(STORE, 100)) {
        List<VectorWrite> writes = new ArrayList<>();
        for (String documentId : EARLIER_DOCUMENTS) {
          for (int index = 0; index < 2; index++) {
            ChunkPrepared chunk = chunk(documentId, "v1", index, earlierText(documentId, index));
            float[] vector = model.embed(List.of(chunk.text())).get(0);
            writes.add(
                new VectorWrite.Upsert(ChunkRecords.stored(chunk, vector, model.info().key())));
          }
        }
        store.apply(writes);
        store.commit();
      }
      return Map.of();
    }

    @Override
    public void stop() {}
  }

  @Inject VectorStore store;
  @Inject Optional<ShadowIndex> shadow;

  @Test
  void shouldCopyTheDocumentsStoredBeforeEmbeddedByTheShadowsModel() {
    ShadowIndex index = shadow.orElseThrow();
    EmbeddingModel shadowModel = index.model();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(EARLIER_DOCUMENTS)
                    .allSatisfy(id -> assertThat(index.store().documentChunks(id)).hasSize(2)));

    String text = earlierText("earlier-b", 1);
    List<Hit> nearest =
        index
            .store()
            .nearest(
                shadowModel.embed(List.of(text)).get(0), 1, ChunkFilter.collection("runbooks"));
    StoredChunk copy = index.store().chunks(List.of(nearest.get(0).chunkId())).get(0);
    assertThat(copy.text()).isEqualTo(text);
    assertThat(copy.model())
        .isEqualTo(shadowModel.info().key())
        .isNotEqualTo(store.documentChunks("earlier-b").get(0).model());
    assertThat(copy.title()).isEqualTo("Operations runbook");
    assertThat(copy.createdAt()).isEqualTo(CREATED);
    assertThat(nearest.get(0).score()).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void shouldWriteTheStreamsChangesToBothIndexes() {
    ShadowIndex index = shadow.orElseThrow();
    String documentId = "doc-" + UUID.randomUUID();
    write(
        chunk(documentId, "v1", 0, "Rotate the keys every quarter"),
        chunk(documentId, "v1", 1, "Revoke a leaked key at once"));
    await().atMost(PATIENCE).until(() -> index.store().documentChunks(documentId).size() == 2);

    write(chunk(documentId, "v2", 0, "Rotate the keys every month"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(store.documentChunks(documentId))
                  .extracting(StoredChunk::text)
                  .containsExactly("Rotate the keys every month");
              assertThat(index.store().documentChunks(documentId))
                  .extracting(StoredChunk::text, StoredChunk::model)
                  .containsExactly(
                      tuple("Rotate the keys every month", index.model().info().key()));
            });

    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write(
          "document-chunks",
          documentId,
          EventJson.toJson(new DocumentRemoved(documentId, "runbooks/ops/runbook.md", CREATED)));
    }
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                store.documentChunks(documentId).isEmpty()
                    && index.store().documentChunks(documentId).isEmpty());
  }

  @Test
  void shouldReportReadyOnceTheShadowHoldsWhatTheStoreHolds() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                given()
                    .header("X-API-Key", TestKeys.API_KEY)
                    .when()
                    .get("/api/v1/shadow-index")
                    .then()
                    .statusCode(200)
                    .body("state", is("READY")));

    Map<String, Object> status =
        given()
            .header("X-API-Key", TestKeys.API_KEY)
            .when()
            .get("/api/v1/shadow-index")
            .then()
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(status)
        .containsEntry("shadowModel", shadow.orElseThrow().model().info().key())
        .containsEntry("documentsToRetry", 0);
    assertThat(((Number) status.get("documentsWalked")).longValue())
        .isGreaterThanOrEqualTo(EARLIER_DOCUMENTS.size());
    assertThat(((Number) status.get("shadowChunks")).longValue())
        .isEqualTo(((Number) status.get("chunks")).longValue())
        .isEqualTo(store.count(ChunkFilter.NONE));
  }

  private static String earlierText(String documentId, int index) {
    return "Before the shadow index: part " + index + " of " + documentId + " on broker upgrades";
  }

  private static void deleteFolder() {
    if (!Files.exists(FOLDER)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(FOLDER)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
