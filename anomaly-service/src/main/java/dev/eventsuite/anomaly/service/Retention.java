package dev.eventsuite.anomaly.service;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.anomaly.store.AlertLedger;
import dev.eventsuite.anomaly.store.AnomalyStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Deletes scored events, anomalies and alert deliveries older than the retention, every hour. */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);
  private static final Duration EVERY = Duration.ofHours(1);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "anomaly-retention"));

  void start(
      @Observes StartupEvent event, AnomalyStore store, AlertLedger ledger, AnomalyConfig config) {
    timer.scheduleWithFixedDelay(
        () -> purge(store, ledger, config.retention()), 1, EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  void stop(@Observes ShutdownEvent event) {
    timer.shutdownNow();
  }

  private static void purge(AnomalyStore store, AlertLedger ledger, Duration retention) {
    try {
      Instant before = Instant.now().minus(retention);
      int deleted = store.purge(before) + ledger.purge(before);
      if (deleted > 0) {
        LOG.infof("deleted %d rows older than %s", deleted, retention);
      }
    } catch (RuntimeException e) {
      LOG.warnf("retention: %s", e.getMessage());
    }
  }
}
