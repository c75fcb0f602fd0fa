package dev.eventsuite.anomaly.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.anomaly.AlertReceivers;
import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Alerts delivered from the anomalies topic as a producer would put anomalies there: each once, the
 * refused ones dead-lettered with the reason, and the stream of alerts going on after them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AlertReceivers.class)
class AlertDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant TIME = Instant.parse("2025-03-01T00:00:00Z");

  @Test
  void shouldDeliverAnAnomalyPublishedTwiceOnceToEachNotifier() {
    String entity = "alerted-" + UUID.randomUUID();
    AnomalyDetected anomaly = anomaly(entity, "an-" + entity);
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("anomalies", entity, EventJson.toJson(anomaly));
      writer.write("anomalies", entity, EventJson.toJson(anomaly));
      String marker = "after-" + UUID.randomUUID();
      writer.write("anomalies", marker, EventJson.toJson(anomaly(marker, "an-" + marker)));

      AlertReceivers.awaitAlerts(AlertReceivers.webhook, marker);
      AlertReceivers.awaitAlerts(AlertReceivers.notifications, marker);
    }

    assertThat(AlertReceivers.alerts(AlertReceivers.webhook, entity)).hasSize(1);
    assertThat(AlertReceivers.alerts(AlertReceivers.notifications, entity)).hasSize(1);
  }

  @Test
  void shouldDeadLetterAnAlertTheWebhookRefusesAndDeliverTheNext() {
    String refused = "refused-" + UUID.randomUUID();
    String next = "next-" + UUID.randomUUID();
    AlertReceivers.REFUSED.add(refused);
    try (TopicTail dlq = TopicTail.of("anomalies-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("anomalies", refused, EventJson.toJson(anomaly(refused, "an-" + refused)));
      writer.write("anomalies", next, EventJson.toJson(anomaly(next, "an-" + next)));

      ConsumerRecord<String, byte[]> letter =
          dlq.await(1, r -> refused.equals(r.key()), WAIT).get(0);
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("delivery");
      assertThat(TopicTail.header(letter, DeadLetter.REASON))
          .isEqualTo("alert not accepted after 5 tries (webhook: the webhook answered 503)");
      assertThat(TopicTail.header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo("anomalies");
      assertThat(TopicTail.header(letter, DeadLetter.SERVICE)).isEqualTo("anomaly-service");
      assertThat(EventJson.fromBytes(letter.value(), AnomalyDetected.class).anomalyId())
          .isEqualTo("an-" + refused);
      AlertReceivers.awaitAlerts(AlertReceivers.webhook, next);
    } finally {
      AlertReceivers.REFUSED.remove(refused);
    }
    // Tried five times on the webhook; OCI Notifications accepted it once and was not asked again.
    assertThat(
            AlertReceivers.webhook.requests().stream()
                .filter(r -> AlertReceivers.body(r).contains(refused)))
        .hasSize(5);
    assertThat(AlertReceivers.alerts(AlertReceivers.notifications, refused)).hasSize(1);
  }

  @Test
  void shouldDeadLetterARecordThatIsNotAnAnomalyAndDeliverTheNext() {
    String entity = "garbled-" + UUID.randomUUID();
    try (TopicTail dlq = TopicTail.of("anomalies-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("anomalies", entity, "{not json");
      writer.write("anomalies", entity, EventJson.toJson(anomaly(entity, "an-" + entity)));

      ConsumerRecord<String, byte[]> letter =
          dlq.await(1, r -> entity.equals(r.key()), WAIT).get(0);
      assertThat(TopicTail.text(letter)).isEqualTo("{not json");
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("invalid-event");
      assertThat(TopicTail.header(letter, DeadLetter.REASON)).startsWith("not an anomaly: ");
      AlertReceivers.awaitAlerts(AlertReceivers.webhook, entity);
    }
  }

  @Test
  void shouldHoldBackAnEntitysFurtherAnomaliesWithinTheInterval() {
    String entity = "noisy-" + UUID.randomUUID();
    String marker = "quiet-" + UUID.randomUUID();
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      for (int i = 0; i < 3; i++) {
        writer.write("anomalies", entity, EventJson.toJson(anomaly(entity, entity + "-" + i)));
      }
      writer.write("anomalies", marker, EventJson.toJson(anomaly(marker, "an-" + marker)));
      AlertReceivers.awaitAlerts(AlertReceivers.webhook, marker);
    }

    assertThat(AlertReceivers.alerts(AlertReceivers.webhook, entity))
        .singleElement()
        .satisfies(alert -> assertThat(AlertReceivers.body(alert)).contains(entity + "-0"));
  }

  private static AnomalyDetected anomaly(String entity, String anomalyId) {
    return new AnomalyDetected(
        anomalyId,
        entity,
        "load",
        "event-" + anomalyId,
        TIME,
        42.0,
        "zscore",
        "delta",
        7.5,
        3.0,
        null,
        TIME);
  }
}
