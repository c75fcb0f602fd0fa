package dev.eventsuite.search.domain;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A rate limit: up to {@code burst} requests at once, refilled at {@code perSecond}. Thread-safe.
 */
public final class TokenBucket {

  private final double perNano;
  private final double burst;
  private final LongSupplier clock;
  private double tokens;
  private long last;

  /**
   * @param clock nanoseconds, as {@link System#nanoTime()}
   */
  public TokenBucket(double perSecond, int burst, LongSupplier clock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("the rate and burst must be positive");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.getAsLong();
  }

  /**
   * Takes one token: {@link Duration#ZERO} when one was there, else how long until one will be (and
   * nothing is taken).
   */
  public synchronized Duration take() {
    long now = clock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
  }
}
