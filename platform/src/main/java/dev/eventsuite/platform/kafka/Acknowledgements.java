package dev.eventsuite.platform.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;

/**
 * Tells, without waiting, when everything sent up to a point has been acknowledged. Sends are
 * counted in windows; {@link #mark()} closes the current window and returns a stage that completes
 * once it and every window before it have no send outstanding, or fails with the first failed send.
 * Used by a single sending thread; the callbacks arrive on the producer's thread.
 */
final class Acknowledgements {

  private Window current = new Window(CompletableFuture.completedFuture(null));

  /** Counts a send in the current window; the returned callback must be given to the producer. */
  Callback track(Callback callback) {
    Window window = current;
    window.pending.incrementAndGet();
    return (metadata, error) -> {
      callback.onCompletion(metadata, error);
      window.sent(error);
    };
  }

  /** Closes the current window: the stage completes once everything sent so far is acknowledged. */
  CompletionStage<Void> mark() {
    Window closing = current;
    current = new Window(closing.all);
    closing.seal();
    return closing.all;
  }

  private static final class Window {

    /** The sends outstanding, plus one until the window is sealed. */
    private final AtomicInteger pending = new AtomicInteger(1);

    private final CompletableFuture<Void> own = new CompletableFuture<>();
    private final CompletableFuture<Void> all;

    Window(CompletableFuture<Void> previous) {
      this.all = previous.thenCombine(own, (a, b) -> null);
    }

    void sent(Exception error) {
      if (error != null) {
        own.completeExceptionally(error);
      } else {
        settle();
      }
    }

    void seal() {
      settle();
    }

    private void settle() {
      if (pending.decrementAndGet() == 0) {
        own.complete(null);
      }
    }
  }
}
