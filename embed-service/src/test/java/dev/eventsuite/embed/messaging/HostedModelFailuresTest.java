package dev.eventsuite.embed.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A hosted model that refuses one chunk: that chunk is dead-lettered, its neighbours stored. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(HostedModelFailuresTest.HostedModel.class)
class HostedModelFailuresTest {

  /** embed-service with an OpenAI-compatible model served by {@link HostedModelStub}. */
  public static class HostedModel implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(HostedModelStub.class));
    }
  }

  @Inject VectorStore store;

  @Test
  void shouldDeadLetterOnlyTheChunkTheModelRefuses() {
    String documentId = "doc-" + UUID.randomUUID();
    try (TopicTail deadLetters = TopicTail.of("document-chunks-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      for (String text : List.of("a fine chunk", "please refuse this chunk", "another fine one")) {
        ChunkPrepared chunk = chunk(documentId, text);
        writer.write("document-chunks", documentId, EventJson.toJson(chunk));
      }

      ConsumerRecord<String, byte[]> letter =
          deadLetters.await(1, r -> documentId.equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("embedding-failed");
      assertThat(TopicTail.header(letter, DeadLetter.REASON)).contains("input refused by policy");
      assertThat(TopicTail.text(letter)).contains("please refuse this chunk");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(store.documentChunks(documentId))
                      .extracting(StoredChunk::text)
                      .containsExactlyInAnyOrder("a fine chunk", "another fine one"));
      assertThat(store.documentChunks(documentId))
          .allSatisfy(c -> assertThat(c.model()).startsWith("stub-embedder@openai-compatible"));
    }
  }

  private static ChunkPrepared chunk(String documentId, String text) {
    int index = text.hashCode() & 0xff;
    return new ChunkPrepared(
        documentId + ":v1:0:" + index,
        documentId,
        "v1",
        0,
        1,
        index,
        3,
        text,
        ContentHash.of(text),
        "en",
        List.of(),
        new DocumentMetadata(
            "docs",
            "docs/a.txt",
            "local",
            "docs",
            "a.txt",
            "text/plain",
            10L,
            "A",
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            Map.of(),
            Map.of()));
  }
}
