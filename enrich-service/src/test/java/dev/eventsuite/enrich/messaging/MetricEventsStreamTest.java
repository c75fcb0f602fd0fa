package dev.eventsuite.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
  void shouldDeadLetterAnEventFromTheFarFutureAndKeepFlowing() {
    String user = "u-" + UUID.randomUUID();
    try (TopicTail features = TopicTail.of("features");
        TopicTail deadLetters = TopicTail.of("metric-events-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("metric-events", user, event(user, 1, "9999-01-01T00:00:00"));
      writer.write("metric-events", user, event(user, 2, "2025-01-01T10:00:00"));

      ConsumerRecord<String, byte[]> letter =
          deadLetters.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("invalid-event");
      assertThat(TopicTail.header(letter, DeadLetter.REASON))
          .startsWith("event time 9999-01-01T00:00:00Z is more than PT24H ahead of now");
      ConsumerRecord<String, byte[]> only =
          features.await(1, r -> user.equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(EventJson.tree(only.value()).at("/activity/lastEventTime").asText())
          .isEqualTo("2025-01-01T10:00:00Z");
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

  @Test
  void shouldApplyRowsThatIngestPublishedTwiceOnce() {
    String user = "u-" + UUID.randomUUID();
    String file = "/eventsuite/ingest-service/objects/local/inbox/" + user + ".csv@e1";
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      for (int row = 1; row <= 4; row++) {
        writer.write(row(user, file, row));
      }
      // ingest-service died before saving its progress past row 2: rows 3 and 4 come again, one
      // of them under no key, as a producer outside the suite may send it
      writer.write(row(user, file, 3));
      ProducerRecord<String, byte[]> unkeyed = row(user, file, 4);
      writer.write(
          new ProducerRecord<String, byte[]>(
              unkeyed.topic(), null, null, unkeyed.value(), unkeyed.headers()));
      writer.write(row(user, file, 5));

      List<ConsumerRecord<String, byte[]>> out =
          features.await(5, r -> user.equals(r.key()), Duration.ofSeconds(30));

      assertThat(out)
          .extracting(r -> EventJson.tree(r.value()).at("/activity/totalEvents").asLong())
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(features.drain(Duration.ofSeconds(2)))
          .as("features of the repeated rows")
          .filteredOn(r -> user.equals(r.key()))
          .hasSize(5);
    }
  }

  private static ProducerRecord<String, byte[]> row(String user, String file, int row) {
    CloudEvent cloudEvent =
        new CloudEvent(
                EventIds.of(file, row),
                "dev.eventsuite.metric.recorded",
                "/eventsuite/ingest-service",
                Instant.parse("2025-01-01T10:00:00Z").plusSeconds(row),
                null)
            .withSequence(file, row);
    return new ProducerRecord<String, byte[]>(
        "metric-events",
        null,
        user,
        event(user, row, "2025-01-01T10:00:0" + row).getBytes(StandardCharsets.UTF_8),
        cloudEvent.toHeaders());
  }

  private static String event(String user, double metric, String timestamp) {
    return "{\"userId\":\"%s\",\"metric\":%s,\"timestamp\":\"%s\"}"
        .formatted(user, metric, timestamp);
  }
}
