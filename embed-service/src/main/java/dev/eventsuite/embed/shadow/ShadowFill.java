package dev.eventsuite.embed.shadow;

import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingException;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One walk over the store in document id order, copying into the shadow index each document it
 * lacks or holds in another version, embedded by the shadow's model.
 *
 * <p>The store is read and the shadow written on the writer thread, between the stream's writes,
 * after a commit of both so that the reads see every write applied before. The embedding runs on
 * the calling thread in between, and a document the stream changed meanwhile is not copied: the
 * stream wrote its new version to both.
 */
public final class ShadowFill {

  private final VectorStore store;
  private final ShadowIndex shadow;
  private final EmbeddingCache cache;
  private final Executor writer;
  private String after = "";
  // Counted by one thread at a time, read by others.
  private volatile long walked;
  private volatile long copied;
  private volatile long chunksCopied;

  /** A document the shadow lacks: its chunks in the store, and their vectors once embedded. */
  private record Pending(String documentId, List<StoredChunk> chunks) {}

  /** How far a walk has come. */
  public record Progress(long documentsWalked, long documentsCopied, long chunksCopied) {}

  public ShadowFill(VectorStore store, ShadowIndex shadow, EmbeddingCache cache, Executor writer) {
    this.store = store;
    this.shadow = shadow;
    this.cache = cache;
    this.writer = writer;
  }

  /**
   * Copies the next {@code documents} documents the shadow lacks; those the shadow's model fails on
   * are handed to {@code failed}.
   *
   * @return false once the walk has passed the last document
   */
  public boolean step(int documents, Failures failed) {
    List<String> ids =
        onWriter(
            () -> {
              commitBoth();
              return store.documentIdsAfter(after, documents);
            });
    if (ids.isEmpty()) {
      return false;
    }
    copy(ids, failed);
    walked += ids.size();
    after = ids.get(ids.size() - 1);
    return true;
  }

  /** Copies these documents where the shadow lacks them, removes them where the store does. */
  public void copy(List<String> documentIds, Failures failed) {
    List<Pending> pending = onWriter(() -> lacking(documentIds));
    List<Map.Entry<Pending, List<float[]>>> embedded = new ArrayList<>(pending.size());
    for (Pending each : pending) {
      try {
        embedded.add(
            Map.entry(
                each,
                cache.embed(
                    shadow.model(),
                    each.chunks().stream().map(StoredChunk::text).toList(),
                    each.chunks().stream().map(StoredChunk::contentHash).toList())));
      } catch (EmbeddingException e) {
        failed.failed(each.documentId(), e);
      }
    }
    if (!embedded.isEmpty()) {
      onWriter(() -> write(embedded));
    }
  }

  public Progress progress() {
    return new Progress(walked, copied, chunksCopied);
  }

  /** The documents the shadow lacks or holds in another version; a document gone is removed. */
  private List<Pending> lacking(List<String> documentIds) {
    commitBoth();
    List<Pending> pending = new ArrayList<>();
    for (String id : documentIds) {
      List<StoredChunk> chunks = store.documentChunks(id);
      if (chunks.isEmpty()) {
        shadow.store().apply(List.of(new VectorWrite.RemoveDocument(id)));
      } else if (!sameCopies(chunks, shadow.store().documentChunks(id))) {
        pending.add(new Pending(id, chunks));
      }
    }
    return pending;
  }

  private Void write(List<Map.Entry<Pending, List<float[]>>> embedded) {
    commitBoth();
    String modelKey = shadow.model().info().key();
    for (Map.Entry<Pending, List<float[]>> entry : embedded) {
      Pending each = entry.getKey();
      if (!sameContent(each.chunks(), store.documentChunks(each.documentId()))) {
        continue;
      }
      List<VectorWrite> writes = new ArrayList<>(each.chunks().size() + 1);
      writes.add(new VectorWrite.RemoveDocument(each.documentId()));
      for (int i = 0; i < each.chunks().size(); i++) {
        writes.add(
            new VectorWrite.Upsert(
                each.chunks().get(i).embeddedAs(entry.getValue().get(i), modelKey)));
      }
      shadow.store().apply(writes);
      copied++;
      chunksCopied += each.chunks().size();
    }
    // Durable and visible now: after the walk, nothing else may commit the shadow for a while.
    shadow.store().commit();
    return null;
  }

  /** Reads after a commit see every write applied before it. */
  private void commitBoth() {
    store.commit();
    shadow.store().commit();
  }

  /** Whether the shadow holds these chunks, as they are, embedded by its model. */
  private boolean sameCopies(List<StoredChunk> chunks, List<StoredChunk> copies) {
    String modelKey = shadow.model().info().key();
    return sameContent(chunks, copies)
        && copies.stream().allMatch(copy -> copy.model().equals(modelKey));
  }

  private static boolean sameContent(List<StoredChunk> some, List<StoredChunk> others) {
    if (some.size() != others.size()) {
      return false;
    }
    for (int i = 0; i < some.size(); i++) {
      StoredChunk one = some.get(i);
      StoredChunk other = others.get(i);
      if (!one.chunkId().equals(other.chunkId())
          || !one.documentVersion().equals(other.documentVersion())
          || !one.text().equals(other.text())) {
        return false;
      }
    }
    return true;
  }

  private <T> T onWriter(Supplier<T> task) {
    try {
      return CompletableFuture.supplyAsync(task, writer).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling the shadow index", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException("filling the shadow index failed", e.getCause());
    }
  }

  /** Where documents the shadow's model fails on go. */
  @FunctionalInterface
  public interface Failures {
    void failed(String documentId, EmbeddingException reason);
  }
}
