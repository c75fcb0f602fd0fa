package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.launcher.faults.WebhookInbox;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An alert the webhook refused when anomaly-service was killed is delivered after its restart, and
 * an alert delivered just before the kill is not delivered again.
 */
@Order(2)
class AlertCrashRecoveryIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant TIME = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void shouldDeliverEveryAlertOnceAcrossAKill() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    WebhookInbox inbox = SuiteUnderTest.alerts();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String delivered = "delivered-" + run;
    String waiting = "waiting-" + run;
    String after = "after-" + run;
    inbox.refuse(waiting);
    // One key for all three: one partition, so they are delivered in the order written.
    String key = "alerts-" + run;

    try (TopicWriter writer = new TopicWriter(suite.url(Component.KAFKA))) {
      writer.write("anomalies", key, EventJson.toJson(anomaly(delivered)));
      writer.write("anomalies", key, EventJson.toJson(anomaly(waiting)));
      await().atMost(WAIT).until(() -> !inbox.refused(waiting).isEmpty());

      ProcessHandle anomaly = suite.record(Component.ANOMALY).process().orElseThrow();
      anomaly.destroyForcibly();
      anomaly.onExit().get(30, TimeUnit.SECONDS);
      inbox.accept(waiting);
      suite.restart(Component.ANOMALY);
      writer.write("anomalies", key, EventJson.toJson(anomaly(after)));

      await().atMost(WAIT).until(() -> !inbox.accepted(after).isEmpty());
    }

    assertThat(inbox.accepted(delivered)).hasSize(1);
    assertThat(inbox.accepted(waiting)).hasSize(1);
    assertThat(inbox.accepted(after)).hasSize(1);
  }

  private static AnomalyDetected anomaly(String entity) {
    return new AnomalyDetected(
        "an-" + entity,
        entity,
        "load",
        "ev-" + entity,
        TIME,
        99.0,
        "zscore",
        "delta",
        8.0,
        3.0,
        null,
        TIME);
  }
}
