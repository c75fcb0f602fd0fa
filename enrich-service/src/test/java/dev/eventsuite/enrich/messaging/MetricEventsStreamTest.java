package dev.eventsuite.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class MetricEventsStreamTest {

  @Test
  void shouldPublishTheEntitysFeaturesAfterEachMetricEvent() {
    String user = "u-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      // The seed designs' shape: the value in "metric", a time without zone.
      writer.write("metric-events", user, event(user, 42, "2025-01-01T10:00:00"));
      writer.write("metric-events", user, event(user, 50, "2025-01-01T10:01:00"));

      List<ConsumerRecord<String, byte[]>> out =
          features.await(2, r -> user.equals(r.key()), Duration.ofSeconds(30));

      JsonNode second = EventJson.tree(out.get(1).value());
      assertThat(second.at("/value").asDouble()).isEqualTo(50);
      assertThat(second.at("/series/previousValue").asDouble()).isEqualTo(42);
      assertThat(second.at("/series/delta").asDouble()).isEqualTo(8);
      assertThat(second.at("/activity/totalEvents").asLong()).isEqualTo(2);
      assertThat(second.at("/activity/eventCounts/5m").asLong()).isEqualTo(2);
      assertThat(TopicTail.header(out.get(1), "ce_type"))
          .isEqualTo("dev.eventsuite.features.updated");
      assertThat(TopicTail.header(out.get(1), "ce_specversion")).isEqualTo("1.0");
    }
  }

  @Test
  void shouldDeadLetterAnInvalidEventWithTheReasonAndKeepFlowing() {
    String user = "u-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of("features");
        TopicTail deadLetters = TopicTail.of("metric-events-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write(
          "metric-events",
          user,
          "{\"userId\":\""
              + user
              + "\",\"metric\":\"high\",\"timestamp\":\"2025-01-01T10:00:00Z\",\"value\":\"x\"}");
      writer.write("metric-events", user, event(user, 1, "2025-01-01T10:00:01"));

      ConsumerRecord<String, byte[]> letter =
          deadLetters.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(TopicTail.header(letter, DeadLetter.REASON))
          .isEqualTo("'value' is 'x', which is not a number");
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("invalid-event");
      assertThat(TopicTail.header(letter, DeadLetter.SERVICE)).isEqualTo("enrich-service");
      assertThat(features.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30))).hasSize(1);
    }
  }

  @Test
  void shouldRekeyEventsSentUnderAnotherKey() {
    String user = "u-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("metric-events", null, event(user, 7, "2025-01-01T10:00:00"));

      ConsumerRecord<String, byte[]> out =
          features.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(EventJson.tree(out.value()).at("/value").asDouble()).isEqualTo(7);
    }
  }

  private static String event(String user, double metric, String timestamp) {
    return "{\"userId\":\"%s\",\"metric\":%s,\"timestamp\":\"%s\"}"
        .formatted(user, metric, timestamp);
  }
}
