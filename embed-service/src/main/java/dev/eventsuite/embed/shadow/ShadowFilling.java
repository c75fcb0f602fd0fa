package dev.eventsuite.embed.shadow;

import dev.eventsuite.embed.vectors.VectorWriter;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingException;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.VectorStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Fills the shadow index in the background: one walk over the store copying what the shadow lacks,
 * then, for as long as the service runs, the documents the shadow's model failed on, from the walk
 * or from the stream. The shadow is ready once the walk is over and no document is left to copy:
 * from then on the stream keeps it in step with the store, and search-service can switch to it.
 */
@Singleton
public class ShadowFilling {

  private static final Logger LOG = Logger.getLogger(ShadowFilling.class);

  /** Documents copied per step: the stream's writes wait at most for one step's reads or writes. */
  static final int DOCUMENTS_PER_STEP = 16;

  private static final Duration RETRY = Duration.ofSeconds(1);

  /** Where a shadow index stands. */
  public enum State {
    /** No shadow index is configured. */
    NONE,
    /** The walk is under way, or documents are left to copy. */
    FILLING,
    /** The shadow holds every document of the store. */
    READY
  }

  /**
   * A shadow index's progress.
   *
   * @param state where it stands
   * @param model the model the store is embedded with
   * @param shadowModel the shadow's model; null without a shadow
   * @param documentsWalked documents the walk has checked
   * @param documentsCopied documents copied into the shadow by the walk or a retry
   * @param chunksCopied their chunks
   * @param documentsToRetry documents the shadow's model failed on, to be copied again
   * @param chunks the store's chunks
   * @param shadowChunks the shadow's chunks
   * @param lastError the last failure, if any
   */
  public record Status(
      State state,
      String model,
      String shadowModel,
      long documentsWalked,
      long documentsCopied,
      long chunksCopied,
      int documentsToRetry,
      long chunks,
      long shadowChunks,
      String lastError) {}

  private final VectorStore store;
  private final EmbeddingModel model;
  private final Optional<ShadowIndex> shadow;
  private final Set<String> retries = ConcurrentHashMap.newKeySet();
  private final Semaphore handedOver = new Semaphore(0);
  private final AtomicLong failures = new AtomicLong();
  private volatile int retrying;
  private final ShadowFill fill;
  private volatile boolean walked;
  private volatile String lastError;
  private volatile boolean stopped;
  private Thread thread;

  @Inject
  public ShadowFilling(
      VectorStore store,
      EmbeddingModel model,
      Optional<ShadowIndex> shadow,
      EmbeddingCache cache,
      VectorWriter writer) {
    this.store = store;
    this.model = model;
    this.shadow = shadow;
    this.fill =
        shadow.map(index -> new ShadowFill(store, index, cache, writer.executor())).orElse(null);
  }

  void start(@Observes StartupEvent event) {
    shadow.ifPresent(
        index -> {
          LOG.infof(
              "filling the shadow index with %s beside the store's %s",
              index.model().info().key(), model.info().key());
          thread = new Thread(this::run, "shadow-fill");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** Hands over a document the shadow's model failed on, to be copied again. */
  public void missed(String documentId, EmbeddingException reason) {
    lastError = "embedding " + documentId + " failed: " + reason.getMessage();
    failures.incrementAndGet();
    retries.add(documentId);
    handedOver.release();
  }

  public Status status() {
    if (shadow.isEmpty()) {
      return new Status(
          State.NONE, model.info().key(), null, 0, 0, 0, 0, store.count(ChunkFilter.NONE), 0, null);
    }
    ShadowFill.Progress progress = fill.progress();
    return new Status(
        walked && retries.isEmpty() && retrying == 0 ? State.READY : State.FILLING,
        model.info().key(),
        shadow.get().model().info().key(),
        progress.documentsWalked(),
        progress.documentsCopied(),
        progress.chunksCopied(),
        retries.size() + retrying,
        store.count(ChunkFilter.NONE),
        shadow.get().store().count(ChunkFilter.NONE),
        lastError);
  }

  private void run() {
    while (!stopped) {
      try {
        if (!walked) {
          walked = !fill.step(DOCUMENTS_PER_STEP, this::missed);
          if (walked) {
            LOG.infof("the walk over the store is over: %s", status());
          }
        } else if (!retries.isEmpty()) {
          retry();
        } else {
          handedOver.acquire();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        lastError = e.getMessage();
        LOG.warnf(e, "filling the shadow index failed; trying again in %s", RETRY);
        pause();
      }
    }
  }

  /**
   * Copies the documents handed over so far; those that fail again come back through {@link
   * #missed}, and the next try waits a while.
   */
  private void retry() {
    List<String> again = new ArrayList<>(retries);
    retrying = again.size();
    retries.removeAll(again);
    long failedBefore = failures.get();
    try {
      fill.copy(again, this::missed);
    } catch (RuntimeException e) {
      retries.addAll(again);
      throw e;
    } finally {
      retrying = 0;
    }
    if (failures.get() > failedBefore) {
      pause();
    }
  }

  /** Waits before trying again what failed. */
  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
