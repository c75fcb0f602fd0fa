package dev.eventsuite.anomaly.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  /** A notifier that keeps what it was sent, failing the first {@code failures} tries. */
  private static final class Inbox implements Notifier {
    final List<Alert> received = new CopyOnWriteArrayList<>();
    final AtomicInteger tries = new AtomicInteger();
    final int failures;

    Inbox(int failures) {
      this.failures = failures;
    }

    @Override
    public String name() {
      return "inbox";
    }

    @Override
    public void send(Alert alert) throws Exception {
      if (tries.incrementAndGet() <= failures) {
        throw new java.io.IOException("receiver unavailable");
      }
      received.add(alert);
    }
  }

  @Test
  void shouldAlertOncePerEntityPerIntervalAndCountWhatItHeldBack() {
    Inbox inbox = new Inbox(0);
    MutableClock clock = new MutableClock();
    try (AlertDispatcher dispatcher = dispatcher(List.of(inbox), clock, 5)) {
      dispatcher.announce(List.of(anomaly("a", 1), anomaly("a", 2), anomaly("b", 3)));
      dispatcher.announce(List.of(anomaly("a", 4)));
      clock.now = NOW.plus(Duration.ofMinutes(11));
      dispatcher.announce(List.of(anomaly("a", 5)));

      await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received.size() == 3);
      assertThat(inbox.received)
          .extracting(a -> a.anomaly().eventId(), Alert::suppressed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("e1", 0L),
              org.assertj.core.groups.Tuple.tuple("e3", 0L),
              org.assertj.core.groups.Tuple.tuple("e5", 2L));
      assertThat(inbox.received.get(2).text())
          .contains("2 more anomalies of this entity since the previous alert");
    }
  }

  @Test
  void shouldTryAFailedDeliveryAgainUntilItArrives() {
    Inbox flaky = new Inbox(2);
    try (AlertDispatcher dispatcher = dispatcher(List.of(flaky), new MutableClock(), 5)) {
      dispatcher.announce(List.of(anomaly("a", 1)));

      await().atMost(Duration.ofSeconds(5)).until(() -> flaky.received.size() == 1);
      assertThat(flaky.tries).hasValue(3);
    }
  }

  @Test
  void shouldNeitherBlockTheCallerNorTheOtherNotifiersWhenOneHangs() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Notifier hanging =
        new Notifier() {
          @Override
          public String name() {
            return "hanging";
          }

          @Override
          public void send(Alert alert) throws InterruptedException {
            release.await();
          }
        };
    Inbox inbox = new Inbox(0);
    try (AlertDispatcher dispatcher = dispatcher(List.of(hanging, inbox), new MutableClock(), 20)) {
      for (int i = 0; i < 10; i++) {
        dispatcher.announce(List.of(anomaly("entity-" + i, i)));
      }

      await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received.size() == 10);
    } finally {
      release.countDown();
    }
  }

  private static AlertDispatcher dispatcher(
      List<Notifier> notifiers, Clock clock, int queueCapacity) {
    return new AlertDispatcher(
        new Settings(queueCapacity), notifiers, clock, new SimpleMeterRegistry());
  }

  private static AnomalyDetected anomaly(String entity, int event) {
    return new AnomalyDetected(
        "an-" + event, entity, "m", "e" + event, NOW, 9.0, "zscore", "delta", 5, 3, null, NOW);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    volatile Instant now = NOW;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Alert settings: 10 minutes of suppression, quick retries. */
  private record Settings(int queueCapacity) implements AnomalyConfig.Alerts {
    @Override
    public Duration suppression() {
      return Duration.ofMinutes(10);
    }

    @Override
    public int maxAttempts() {
      return 5;
    }

    @Override
    public Duration initialBackoff() {
      return Duration.ofMillis(10);
    }

    @Override
    public Duration maxBackoff() {
      return Duration.ofMillis(50);
    }

    @Override
    public AnomalyConfig.Webhook webhook() {
      throw new UnsupportedOperationException();
    }

    @Override
    public AnomalyConfig.Notifications notifications() {
      throw new UnsupportedOperationException();
    }
  }
}
