package dev.eventsuite.embed.messaging;

import dev.eventsuite.embed.domain.ChunkRecords;
import dev.eventsuite.embed.shadow.ShadowFilling;
import dev.eventsuite.embed.shadow.ShadowIndex;
import dev.eventsuite.embed.vectors.VectorWriter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.platform.kafka.BatchHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingException;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Embeds each poll of {@code document-chunks} together (the cache answering for texts already
 * embedded) and writes the poll to the vector store in record order: the first chunk of a document
 * version removes the document's other versions in the same write, a removal removes every chunk.
 *
 * <p>Writes and commits run in order on a thread of their own, one poll's write at a time, so that
 * the store indexes one poll while the model embeds the next. A checkpoint completes once every
 * poll before it is written and committed; a failed write fails the next poll and the checkpoint,
 * and the stream rewinds to the last commit.
 *
 * <p>With a shadow index, each poll is embedded by the shadow's model too and written to the shadow
 * right after the store, and both are committed before the offsets.
 */
@Singleton
public class ChunksHandler implements BatchHandler {

  private final EmbeddingModel model;
  private final EmbeddingCache cache;
  private final VectorStore store;
  private final Optional<ShadowIndex> shadow;
  private final ShadowFilling filling;
  private final VectorWriter writer;
  private final Counter stored;
  private final Counter removed;
  private final Timer embedding;
  private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

  @Inject
  public ChunksHandler(
      EmbeddingModel model,
      EmbeddingCache cache,
      VectorStore store,
      Optional<ShadowIndex> shadow,
      ShadowFilling filling,
      VectorWriter writer,
      MeterRegistry registry) {
    this.model = model;
    this.cache = cache;
    this.store = store;
    this.shadow = shadow;
    this.filling = filling;
    this.writer = writer;
    this.stored = registry.counter("suite.embed.chunks.stored");
    this.removed = registry.counter("suite.embed.documents.removed");
    this.embedding =
        Timer.builder("suite.embed.batch")
            .description("Time to embed one batch of chunks, cache lookups included")
            .register(registry);
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch, StreamOutput output) {
    List<Received> received = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        received.add(new Received(record, EventJson.fromBytes(record.value(), ChunkEvent.class)));
      } catch (InvalidEventException e) {
        output.deadLetter(record, "invalid-event", e.getMessage());
      }
    }
    Map<Received, float[]> vectors =
        embedding.record(
            () ->
                embed(
                    model,
                    chunks(received),
                    (chunk, e) ->
                        output.deadLetter(chunk.record(), "embedding-failed", e.getMessage())));
    Writes writes = writes(received, vectors, model.info().key());
    Optional<Runnable> shadowWrite = shadow.map(index -> shadowWrite(index, received, vectors));
    awaitLastWrite();
    lastWrite =
        writer.run(
            () -> {
              store.apply(writes.writes());
              stored.increment(writes.chunks());
              removed.increment(writes.removals());
              shadowWrite.ifPresent(Runnable::run);
            });
  }

  /**
   * The shadow index's write of the same poll: the chunks the store gets, embedded with the
   * shadow's model. A chunk that model fails on is left for the shadow's fill to copy again, handed
   * over once the store holds it.
   */
  private Runnable shadowWrite(
      ShadowIndex index, List<Received> received, Map<Received, float[]> stored) {
    List<Received> chunks = chunks(received).stream().filter(stored::containsKey).toList();
    Map<String, EmbeddingException> failed = new LinkedHashMap<>();
    Map<Received, float[]> vectors =
        embed(index.model(), chunks, (chunk, e) -> failed.put(chunk.chunk().documentId(), e));
    Writes writes = writes(received, vectors, index.model().info().key());
    return () -> {
      index.store().apply(writes.writes());
      failed.forEach(filling::missed);
    };
  }

  /** A poll's writes, and how many chunks and removals they hold. */
  private record Writes(List<VectorWrite> writes, int chunks, int removals) {}

  /**
   * The poll as writes, in record order: the first chunk of a document version removes the
   * document's other versions in the same write, a removal removes every chunk. Chunks without a
   * vector are left out.
   */
  private static Writes writes(
      List<Received> received, Map<Received, float[]> vectors, String modelKey) {
    List<VectorWrite> writes = new ArrayList<>(received.size() + 4);
    Set<String> versionsSeen = new HashSet<>();
    int chunks = 0;
    int removals = 0;
    for (Received each : received) {
      if (each.event() instanceof ChunkPrepared chunk) {
        float[] vector = vectors.get(each);
        if (vector == null) {
          continue;
        }
        if (versionsSeen.add(chunk.documentId() + '\u0000' + chunk.version())) {
          writes.add(new VectorWrite.KeepOnlyVersion(chunk.documentId(), chunk.version()));
        }
        writes.add(new VectorWrite.Upsert(ChunkRecords.stored(chunk, vector, modelKey)));
        chunks++;
      } else if (each.event() instanceof DocumentRemoved removal) {
        versionsSeen.removeIf(seen -> seen.startsWith(removal.documentId() + '\u0000'));
        writes.add(new VectorWrite.RemoveDocument(removal.documentId()));
        removals++;
      }
    }
    return new Writes(writes, chunks, removals);
  }

  /** Waits until the last poll is written: one write waits at most. Its failure is rethrown. */
  private void awaitLastWrite() {
    try {
      lastWrite.join();
    } catch (CompletionException e) {
      lastWrite = CompletableFuture.completedFuture(null);
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException("writing to the vector store failed", e.getCause());
    }
  }

  private static List<Received> chunks(List<Received> received) {
    return received.stream().filter(r -> r.event() instanceof ChunkPrepared).toList();
  }

  /**
   * The chunks' vectors by the model, all in one call to the cache. When the model gives up on the
   * batch (a hosted model refusing a text, or failing for every attempt), each chunk is tried
   * alone, and those that still fail are handed to {@code failed} with the reason.
   */
  private Map<Received, float[]> embed(
      EmbeddingModel by, List<Received> chunks, BiConsumer<Received, EmbeddingException> failed) {
    Map<Received, float[]> vectors = new IdentityHashMap<>();
    try {
      List<float[]> all =
          cache.embed(
              by,
              chunks.stream().map(r -> r.chunk().text()).toList(),
              chunks.stream().map(r -> r.chunk().contentHash()).toList());
      for (int i = 0; i < chunks.size(); i++) {
        vectors.put(chunks.get(i), all.get(i));
      }
    } catch (EmbeddingException batchFailed) {
      for (Received each : chunks) {
        try {
          vectors.put(
              each,
              cache
                  .embed(by, List.of(each.chunk().text()), List.of(each.chunk().contentHash()))
                  .get(0));
        } catch (EmbeddingException e) {
          failed.accept(each, e);
        }
      }
    }
    return vectors;
  }

  /** A record and the event it holds. */
  private record Received(ConsumerRecord<String, byte[]> record, ChunkEvent event) {
    ChunkPrepared chunk() {
      return (ChunkPrepared) event;
    }
  }

  /**
   * Makes what was written durable and visible to searches, before offsets are committed: the
   * commit follows the last write on the writing thread, while the next polls are embedded.
   */
  @Override
  public CompletionStage<Void> checkpoint() {
    CompletableFuture<Void> committed =
        lastWrite.thenRunAsync(
            () -> {
              store.commit();
              shadow.ifPresent(index -> index.store().commit());
            },
            writer.executor());
    // The checkpoint reports a failed write or commit, and the stream rewinds: the polls after
    // it start afresh.
    lastWrite = committed.exceptionally(failure -> null);
    return committed;
  }
}
