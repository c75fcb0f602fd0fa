package dev.eventsuite.embed.vectors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread every write to the vector stores runs on, in the order submitted: the stream's
 * writes and commits and the shadow index's fill never overlap, so each sees the other's effects
 * whole.
 */
@Singleton
public class VectorWriter {

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread writes = new Thread(task, "vector-writes");
            writes.setDaemon(true);
            return writes;
          });

  /** Runs the task after everything submitted before it. */
  public CompletableFuture<Void> run(Runnable task) {
    return CompletableFuture.runAsync(task, thread);
  }

  /** The thread as an executor, for tasks that follow others. */
  public Executor executor() {
    return thread;
  }

  @PreDestroy
  void close() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(30, TimeUnit.SECONDS);
  }
}
