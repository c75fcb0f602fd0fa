package dev.eventsuite.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void shouldAllowABurstThenTheSustainedRate() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(2, 3, nanos::get);

    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(500));

    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isPositive();
  }

  @Test
  void shouldNotSaveMoreThanTheBurst() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(10, 2, nanos::get);

    nanos.addAndGet(Duration.ofHours(1).toNanos());

    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isPositive();
  }
}
