package dev.eventsuite.embed.messaging;

import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.testing.TopicWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Chunks of a runbook, as enrich-service publishes them, and writing them to the stream. */
final class TestChunks {

  static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");

  private TestChunks() {}

  static ChunkPrepared chunk(String documentId, String version, int index, String text) {
    DocumentMetadata metadata =
        new DocumentMetadata(
            "runbooks",
            "runbooks/ops/runbook.md",
            "local",
            "runbooks",
            "ops/runbook.md",
            "text/markdown",
            2048L,
            "Operations runbook",
            "ops",
            CREATED,
            CREATED,
            Map.of("owner", "ops"),
            Map.of("tier", "gold"));
    return new ChunkPrepared(
        documentId + ":" + version + ":0:" + index,
        documentId,
        version,
        0,
        1,
        index,
        2,
        text,
        ContentHash.of(text),
        "en",
        List.of("Runbook", "Upgrades"),
        metadata);
  }

  static void write(ChunkPrepared... chunks) {
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      for (ChunkPrepared chunk : chunks) {
        writer.write("document-chunks", chunk.documentId(), EventJson.toJson(chunk));
      }
    }
  }
}
