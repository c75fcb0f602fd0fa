package dev.eventsuite.vectors.embedding;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Calls to a hosted model, tried again after a growing pause while the provider answers 429 (too
 * many requests), a 5xx, or not at all; a pause the provider asks for ({@code Retry-After}) is
 * respected up to the longest allowed. Any other refusal ends the call at once.
 *
 * @param maxAttempts how many times a call is tried
 * @param firstBackoff the pause after the first failure; each next one doubles
 * @param maxBackoff the longest pause
 */
public record HostedCalls(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  /** A failed call: the HTTP status (0 when there was no answer) and the pause asked for. */
  public static final class CallFailed extends Exception {
    private final int status;
    private final Duration retryAfter;

    public CallFailed(int status, Duration retryAfter, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
      this.retryAfter = retryAfter;
    }

    public int status() {
      return status;
    }

    boolean isTransient() {
      return status == 0 || status == 429 || status >= 500;
    }
  }

  public HostedCalls {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed");
    }
  }

  /** The call's result; an {@link EmbeddingException} when it failed for good. */
  public <T> T call(String what, Callable<T> call) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (CallFailed e) {
        if (!e.isTransient()) {
          throw new EmbeddingException(what + " was refused: " + e.getMessage(), e);
        }
        if (attempt >= maxAttempts) {
          throw new EmbeddingException(
              what + " failed " + attempt + " times; last: " + e.getMessage(), e);
        }
        Duration pause = e.retryAfter != null ? e.retryAfter : backoff;
        sleep(pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause);
        backoff = backoff.multipliedBy(2);
      } catch (Exception e) {
        throw new EmbeddingException(what + " failed: " + e, e);
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while waiting to try again", e);
    }
  }
}
