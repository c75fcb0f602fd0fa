package dev.eventsuite.anomaly.alert;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Announces new anomalies on every notifier, at most once per entity per suppression interval. Each
 * notifier has its own thread and queue, so a slow or failing one delays neither scoring nor the
 * others; a failed delivery is tried again with doubling pauses, then given up and counted.
 */
public final class AlertDispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

  /** An entity's current suppression interval: when it began and what it held back. */
  private record Interval(Instant start, long suppressed) {}

  private final AnomalyConfig.Alerts config;
  private final Clock clock;
  private final List<Channel> channels;
  private final Map<String, Interval> intervals = new ConcurrentHashMap<>();
  private final Counter suppressedCount;

  public AlertDispatcher(
      AnomalyConfig.Alerts config, List<Notifier> notifiers, Clock clock, MeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    this.channels = notifiers.stream().map(n -> new Channel(n, registry)).toList();
    this.suppressedCount =
        Counter.builder("suite.anomaly.alerts.suppressed")
            .description("Anomalies not announced: their entity was announced within the interval")
            .register(registry);
  }

  /** Announces anomalies not announced before, unless their entity's interval holds them back. */
  public void announce(Collection<AnomalyDetected> anomalies) {
    if (channels.isEmpty()) {
      return;
    }
    for (AnomalyDetected anomaly : anomalies) {
      Alert alert = admit(anomaly);
      if (alert != null) {
        channels.forEach(channel -> channel.offer(alert));
      }
    }
  }

  /** The alert for an anomaly, or null when its entity's interval suppresses it. */
  private Alert admit(AnomalyDetected anomaly) {
    Instant now = clock.instant();
    Alert[] admitted = new Alert[1];
    intervals.compute(
        anomaly.entityId(),
        (entity, interval) -> {
          if (interval != null
              && Duration.between(interval.start(), now).compareTo(config.suppression()) < 0) {
            return new Interval(interval.start(), interval.suppressed() + 1);
          }
          admitted[0] = new Alert(anomaly, interval == null ? 0 : interval.suppressed());
          return new Interval(now, 0);
        });
    if (admitted[0] == null) {
      suppressedCount.increment();
    }
    return admitted[0];
  }

  @Override
  public void close() {
    channels.forEach(Channel::close);
  }

  /** One notifier's queue, thread and counters. */
  private final class Channel {

    private final Notifier notifier;
    private final ScheduledExecutorService executor;
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;

    Channel(Notifier notifier, MeterRegistry registry) {
      this.notifier = notifier;
      this.executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "alerts-" + notifier.name());
                thread.setDaemon(true);
                return thread;
              });
      this.sent = outcome(registry, "sent");
      this.failed = outcome(registry, "failed");
      this.dropped = outcome(registry, "dropped");
    }

    private Counter outcome(MeterRegistry registry, String outcome) {
      return Counter.builder("suite.anomaly.alerts")
          .description("Alerts by notifier and outcome")
          .tag("notifier", notifier.name())
          .tag("outcome", outcome)
          .register(registry);
    }

    void offer(Alert alert) {
      if (queued.incrementAndGet() > config.queueCapacity()) {
        queued.decrementAndGet();
        dropped.increment();
        LOG.warnf("%s: alert queue full, dropped the alert of %s", notifier.name(), alert.title());
        return;
      }
      executor.execute(() -> attempt(alert, 1));
    }

    private void attempt(Alert alert, int attempt) {
      try {
        notifier.send(alert);
        sent.increment();
        queued.decrementAndGet();
      } catch (Exception e) {
        if (attempt >= config.maxAttempts()) {
          failed.increment();
          queued.decrementAndGet();
          LOG.warnf(
              "%s: gave up the alert of %s after %d tries: %s",
              notifier.name(), alert.anomaly().anomalyId(), attempt, e.getMessage());
          return;
        }
        executor.schedule(
            () -> attempt(alert, attempt + 1), backoff(attempt).toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    private Duration backoff(int attempt) {
      Duration pause = config.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
      return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }

    void close() {
      executor.shutdownNow();
    }
  }
}
