package dev.eventsuite.embed.messaging;

import static dev.eventsuite.embed.messaging.TestChunks.CREATED;
import static dev.eventsuite.embed.messaging.TestChunks.chunk;
import static dev.eventsuite.embed.messaging.TestChunks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ChunksStreamTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject VectorStore store;
  @Inject EmbeddingModel model;
  @Inject EmbeddingCache cache;

  @Test
  void shouldStoreEachChunkWithItsEmbeddingAndMetadata() {
    String documentId = "doc-" + UUID.randomUUID();
    String text = "Restart the broker before upgrading the ingest service " + documentId;
    write(chunk(documentId, "v1", 0, text));

    List<StoredChunk> stored = awaitChunks(documentId, 1);
    List<Hit> nearest =
        store.nearest(model.embed(List.of(text)).get(0), 1, ChunkFilter.collection("runbooks"));

    StoredChunk chunk = stored.get(0);
    assertThat(chunk.text()).isEqualTo(text);
    assertThat(chunk.title()).isEqualTo("Operations runbook");
    assertThat(chunk.collection()).isEqualTo("runbooks");
    assertThat(chunk.source()).isEqualTo("runbooks/ops/runbook.md");
    assertThat(chunk.category()).isEqualTo("ops");
    assertThat(chunk.createdAt()).isEqualTo(CREATED);
    assertThat(chunk.metadata())
        .containsEntry("owner", "ops")
        .containsEntry("tier", "gold")
        .containsEntry("headings", "Runbook > Upgrades");
    assertThat(chunk.model()).isEqualTo(model.info().key());
    assertThat(nearest.get(0).chunkId()).isEqualTo(chunk.chunkId());
    assertThat(nearest.get(0).score()).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void shouldReplaceTheOlderVersionOfADocument() {
    String documentId = "doc-" + UUID.randomUUID();
    write(
        chunk(documentId, "v1", 0, "first version, part one"),
        chunk(documentId, "v1", 1, "first version, part two"));
    awaitChunks(documentId, 2);

    write(chunk(documentId, "v2", 0, "second version"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(store.documentChunks(documentId))
                    .extracting(StoredChunk::text)
                    .containsExactly("second version"));
  }

  @Test
  void shouldRemoveEveryChunkOfARemovedDocument() {
    String documentId = "doc-" + UUID.randomUUID();
    write(chunk(documentId, "v1", 0, "soon gone"), chunk(documentId, "v1", 1, "also gone"));
    awaitChunks(documentId, 2);

    writeJson(
        documentId,
        EventJson.toJson(new DocumentRemoved(documentId, "runbooks/ops/runbook.md", CREATED)));

    await().atMost(PATIENCE).until(() -> store.documentChunks(documentId).isEmpty());
  }

  @Test
  void shouldNotEmbedAnUnchangedChunkAgain() {
    String documentId = "doc-" + UUID.randomUUID();
    String text = "A chunk uploaded twice, unchanged " + documentId;
    write(chunk(documentId, "v1", 0, text));
    awaitChunks(documentId, 1);
    long misses = cache.stats().misses();
    long hits = cache.stats().hits();

    write(chunk(documentId, "v2", 0, text));

    await()
        .atMost(PATIENCE)
        .until(() -> store.documentChunks(documentId).get(0).documentVersion().equals("v2"));
    assertThat(cache.stats().misses()).isEqualTo(misses);
    assertThat(cache.stats().hits()).isGreaterThan(hits);
  }

  @Test
  void shouldDeadLetterAnInvalidChunkWithTheReasonAndKeepFlowing() {
    String documentId = "doc-" + UUID.randomUUID();
    try (TopicTail deadLetters = TopicTail.of("document-chunks-dlq")) {
      writeJson(documentId, "{\"kind\":\"chunk\",\"documentId\":\"" + documentId + "\"}");
      write(chunk(documentId, "v1", 0, "after the bad one"));

      ConsumerRecord<String, byte[]> letter =
          deadLetters.await(1, r -> documentId.equals(r.key()), PATIENCE).get(0);
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("invalid-event");
      assertThat(TopicTail.header(letter, DeadLetter.REASON)).contains("chunkId");
      assertThat(awaitChunks(documentId, 1).get(0).text()).isEqualTo("after the bad one");
    }
  }

  private List<StoredChunk> awaitChunks(String documentId, int count) {
    await().atMost(PATIENCE).until(() -> store.documentChunks(documentId).size() == count);
    return store.documentChunks(documentId);
  }

  private static void writeJson(String key, String json) {
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("document-chunks", key, json);
    }
  }
}
