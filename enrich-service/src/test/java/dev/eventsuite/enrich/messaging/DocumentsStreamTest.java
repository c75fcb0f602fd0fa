package dev.eventsuite.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DocumentsStreamTest {

  private static final Instant MODIFIED = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void shouldPublishCleanedChunksWithStableIdsHeadingsLanguageAndMetadata() {
    String documentId = UUID.randomUUID().toString();
    DocumentMetadata metadata =
        new DocumentMetadata(
            "docs",
            "docs/guide.md",
            "local",
            "docs",
            "guide.md",
            "text/markdown",
            200L,
            "Guide",
            "guides",
            MODIFIED,
            MODIFIED,
            Map.of("owner", "ops"),
            Map.of());
    String text =
        "# Guide\n\nThe   suite moves events between services.\n\n\n## Install\nRun the installer on every host you manage.";

    List<ChunkPrepared> chunks =
        chunksOf(
            documentId, new DocumentSectionExtracted(documentId, "v1", 0, 1, text, metadata), 2);

    assertThat(chunks.get(0).text())
        .isEqualTo("# Guide\n\nThe suite moves events between services.");
    assertThat(chunks.get(0).headingPath()).containsExactly("Guide");
    assertThat(chunks.get(1).headingPath()).containsExactly("Guide", "Install");
    assertThat(chunks)
        .allSatisfy(
            chunk -> {
              assertThat(chunk.chunkId())
                  .isEqualTo(EventIds.of(documentId, "v1", 0, chunk.chunkIndex()));
              assertThat(chunk.contentHash()).isEqualTo(ContentHash.of(chunk.text()));
              assertThat(chunk.language()).isEqualTo("en");
              assertThat(chunk.chunkCount()).isEqualTo(2);
              assertThat(chunk.metadata()).isEqualTo(metadata);
            });
  }

  @Test
  void shouldPassARemovalOn() {
    String documentId = UUID.randomUUID().toString();
    try (TopicTail chunks = TopicTail.of("document-chunks");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      DocumentRemoved removal = new DocumentRemoved(documentId, "docs/old.md", MODIFIED);
      writer.write("documents", documentId, EventJson.toJson(removal));

      var out = chunks.await(1, r -> documentId.equals(r.key()), Duration.ofSeconds(30));

      assertThat(EventJson.fromBytes(out.get(0).value(), ChunkEvent.class)).isEqualTo(removal);
    }
  }

  private static List<ChunkPrepared> chunksOf(
      String documentId, DocumentSectionExtracted section, int expected) {
    try (TopicTail chunks = TopicTail.of("document-chunks");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("documents", documentId, EventJson.toJson(section));
      return chunks
          .await(expected, r -> documentId.equals(r.key()), Duration.ofSeconds(30))
          .stream()
          .map(r -> (ChunkPrepared) EventJson.fromBytes(r.value(), ChunkEvent.class))
          .toList();
    }
  }
}
