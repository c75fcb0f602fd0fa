package dev.eventsuite.anomaly.alert;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.anomaly.store.AlertLedger;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.platform.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Delivers alerts from the {@code anomalies} topic, at least once, through SmallRye Reactive
 * Messaging's Kafka connector ({@code mp.messaging.incoming.alerts.*}): a record is acknowledged
 * only once every notifier accepted its alert or its entity's interval held it back, and an alert a
 * notifier still refuses after its tries goes to {@code anomalies-dlq} with the reason.
 *
 * <p>Records are taken one at a time, in order, so an entity's anomalies are decided in the order
 * they were found. What was decided and delivered is kept in the {@link AlertLedger}: a record read
 * again after a crash gets its earlier decision and goes only to the notifiers that did not accept
 * it. A store that fails delays delivery and loses nothing: the record is tried again until the
 * store answers.
 */
@ApplicationScoped
public class AlertDelivery {

  /** The channel, configured under {@code mp.messaging.incoming.alerts}. */
  public static final String CHANNEL = "alerts";

  private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

  private final AnomalyConfig.Alerts config;
  private final List<Notifier> notifiers;
  private final AlertLedger ledger;
  private final Clock clock;
  private final String service;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "alerts");
            thread.setDaemon(true);
            return thread;
          });
  private final Counter suppressedCount;
  private final Counter repeatedCount;
  private final Map<String, Counter> sent = new LinkedHashMap<>();
  private final Map<String, Counter> failed = new LinkedHashMap<>();

  @Inject
  public AlertDelivery(
      AnomalyConfig config,
      Notifiers notifiers,
      AlertLedger ledger,
      MeterRegistry registry,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.config = config.alerts();
    this.notifiers = notifiers.all();
    this.ledger = ledger;
    this.clock = Clock.systemUTC();
    this.service = service;
    this.suppressedCount =
        Counter.builder("suite.anomaly.alerts.suppressed")
            .description("Anomalies not announced: their entity was announced within the interval")
            .register(registry);
    this.repeatedCount =
        Counter.builder("suite.anomaly.alerts.repeated")
            .description("Anomalies records read again after a restart, decided before")
            .register(registry);
    for (Notifier notifier : this.notifiers) {
      sent.put(notifier.name(), outcome(registry, notifier, "sent"));
      failed.put(notifier.name(), outcome(registry, notifier, "failed"));
    }
  }

  private static Counter outcome(MeterRegistry registry, Notifier notifier, String outcome) {
    return Counter.builder("suite.anomaly.alerts")
        .description("Alerts by notifier and outcome")
        .tag("notifier", notifier.name())
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Delivers one record's alert; the returned stage completes once the record is acknowledged or
   * dead-lettered, and the connector hands over the next record only then.
   */
  @Incoming(CHANNEL)
  public CompletionStage<Void> deliver(IncomingKafkaRecord<String, byte[]> record) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor.execute(() -> new Delivery(record, done).decide());
    return done;
  }

  @PreDestroy
  void stop() {
    // A delivery still waiting is neither acknowledged nor dead-lettered: it comes again.
    executor.shutdownNow();
  }

  /** One record on its way: decided, then tried on each notifier that has not accepted it. */
  private final class Delivery {

    private final IncomingKafkaRecord<String, byte[]> record;
    private final CompletableFuture<Void> done;
    private AnomalyDetected anomaly;
    private Alert alert;
    private final Map<Notifier, String> pending = new LinkedHashMap<>();
    private int attempts;
    private int storeFailures;

    Delivery(IncomingKafkaRecord<String, byte[]> record, CompletableFuture<Void> done) {
      this.record = record;
      this.done = done;
    }

    void decide() {
      if (notifiers.isEmpty()) {
        finish(record.ack());
        return;
      }
      try {
        anomaly = EventJson.fromBytes(record.getPayload(), AnomalyDetected.class);
        if (anomaly.anomalyId() == null || anomaly.entityId() == null) {
          throw new IllegalArgumentException("an anomaly needs anomalyId and entityId");
        }
      } catch (RuntimeException e) {
        deadLetter("invalid-event", "not an anomaly: " + e.getMessage(), e);
        return;
      }
      try {
        AlertLedger.Decision decision =
            ledger.decide(
                anomaly,
                record.getPartition(),
                record.getOffset(),
                clock.instant(),
                config.suppression());
        if (decision.repeated()) {
          repeatedCount.increment();
        }
        if (!decision.alert()) {
          if (!decision.repeated()) {
            suppressedCount.increment();
          }
          finish(record.ack());
          return;
        }
        alert = new Alert(anomaly, decision.carried());
        Set<String> accepted =
            decision.repeated() ? ledger.deliveredTo(anomaly.anomalyId()) : Set.of();
        notifiers.stream()
            .filter(n -> !accepted.contains(n.name()))
            .forEach(n -> pending.put(n, "not tried"));
      } catch (RuntimeException e) {
        storeFailed(e, this::decide);
        return;
      }
      attempt();
    }

    private void attempt() {
      attempts++;
      for (Notifier notifier : List.copyOf(pending.keySet())) {
        try {
          notifier.send(alert);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          pending.put(notifier, e.getMessage() == null ? e.toString() : e.getMessage());
          if (attempts == 1) {
            LOG.warnf(
                "%s: the alert of %s was not accepted, trying again: %s",
                notifier.name(), anomaly.anomalyId(), pending.get(notifier));
          }
          continue;
        }
        pending.remove(notifier);
        sent.get(notifier.name()).increment();
        try {
          ledger.delivered(anomaly.anomalyId(), notifier.name(), clock.instant());
        } catch (RuntimeException e) {
          // Delivered but not recorded: if the record comes again, this notifier gets it twice.
          LOG.warnf("%s: cannot record the delivery of %s: %s", notifier.name(), anomaly, e);
        }
      }
      if (pending.isEmpty()) {
        finish(record.ack());
      } else if (attempts >= config.maxAttempts()) {
        giveUp();
      } else {
        schedule(this::attempt, backoff(attempts));
      }
    }

    private void giveUp() {
      List<String> reasons = new ArrayList<>();
      pending.forEach(
          (notifier, reason) -> {
            failed.get(notifier.name()).increment();
            reasons.add(notifier.name() + ": " + reason);
          });
      String reason =
          "alert not accepted after "
              + attempts
              + (attempts == 1 ? " try" : " tries")
              + " ("
              + String.join("; ", reasons)
              + ")";
      LOG.warnf("gave up the alert of %s: %s", anomaly.anomalyId(), reason);
      deadLetter("delivery", reason, null);
    }

    /** The store did not answer: the same step again after a pause, for as long as it takes. */
    private void storeFailed(RuntimeException e, Runnable step) {
      storeFailures++;
      if (storeFailures == 1) {
        LOG.warnf("alerts wait for the store: %s", e.getMessage());
      }
      schedule(step, backoff(storeFailures));
    }

    private void deadLetter(String errorType, String reason, Throwable cause) {
      Headers headers =
          DeadLetters.headers(
              record.getTopic(),
              record.getPartition(),
              record.getOffset(),
              service,
              errorType,
              reason,
              null);
      Metadata metadata =
          Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
      finish(record.nack(cause == null ? new IllegalStateException(reason) : cause, metadata));
    }

    private void finish(CompletionStage<Void> acknowledged) {
      acknowledged.whenComplete(
          (ignored, error) -> {
            if (error == null) {
              done.complete(null);
            } else {
              done.completeExceptionally(error);
            }
          });
    }

    private void schedule(Runnable step, Duration pause) {
      if (!executor.isShutdown()) {
        executor.schedule(step, pause.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private Duration backoff(int failures) {
    Duration pause = config.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
    return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
  }
}
