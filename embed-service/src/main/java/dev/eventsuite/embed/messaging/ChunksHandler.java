package dev.eventsuite.embed.messaging;

import dev.eventsuite.embed.domain.ChunkRecords;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.platform.kafka.BatchHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorWrite;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Embeds each poll of {@code document-chunks} together (the cache answering for texts already
 * embedded) and writes the poll to the vector store in record order: the first chunk of a document
 * version removes the document's other versions in the same write, a removal removes every chunk.
 */
@Singleton
public class ChunksHandler implements BatchHandler {

  private final EmbeddingModel model;
  private final EmbeddingCache cache;
  private final VectorStore store;
  private final Counter stored;
  private final Counter removed;
  private final Timer embedding;

  @Inject
  public ChunksHandler(
      EmbeddingModel model, EmbeddingCache cache, VectorStore store, MeterRegistry registry) {
    this.model = model;
    this.cache = cache;
    this.store = store;
    this.stored = registry.counter("suite.embed.chunks.stored");
    this.removed = registry.counter("suite.embed.documents.removed");
    this.embedding =
        Timer.builder("suite.embed.batch")
            .description("Time to embed one batch of chunks, cache lookups included")
            .register(registry);
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch, StreamOutput output) {
    List<ChunkEvent> events = new ArrayList<>(batch.size());
    List<ChunkPrepared> chunks = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        ChunkEvent event = EventJson.fromBytes(record.value(), ChunkEvent.class);
        events.add(event);
        if (event instanceof ChunkPrepared chunk) {
          chunks.add(chunk);
        }
      } catch (InvalidEventException e) {
        output.deadLetter(record, "invalid-event", e.getMessage());
      }
    }
    List<float[]> vectors =
        embedding.record(
            () ->
                cache.embed(
                    model,
                    chunks.stream().map(ChunkPrepared::text).toList(),
                    chunks.stream().map(ChunkPrepared::contentHash).toList()));
    String modelKey = model.info().key();
    List<VectorWrite> writes = new ArrayList<>(events.size() + 4);
    Set<String> versionsSeen = new HashSet<>();
    int next = 0;
    for (ChunkEvent event : events) {
      if (event instanceof ChunkPrepared chunk) {
        if (versionsSeen.add(chunk.documentId() + '\u0000' + chunk.version())) {
          writes.add(new VectorWrite.KeepOnlyVersion(chunk.documentId(), chunk.version()));
        }
        writes.add(
            new VectorWrite.Upsert(ChunkRecords.stored(chunk, vectors.get(next++), modelKey)));
      } else if (event instanceof DocumentRemoved removal) {
        versionsSeen.removeIf(seen -> seen.startsWith(removal.documentId() + '\u0000'));
        writes.add(new VectorWrite.RemoveDocument(removal.documentId()));
      }
    }
    store.apply(writes);
    stored.increment(chunks.size());
    removed.increment(events.size() - chunks.size());
  }

  /** Makes what was written durable and visible to searches, before offsets are committed. */
  @Override
  public CompletionStage<Void> checkpoint() {
    store.commit();
    return CompletableFuture.completedFuture(null);
  }
}
