package dev.eventsuite.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad records put straight on {@code metric-events}, as any producer can: each goes to {@code
 * metric-events-dlq} with the {@code dlq_*} headers and its reason, and the entity's next good
 * event is applied as if the bad one had never come.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class BadEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TIME = "\"timestamp\":\"2025-01-01T10:00:00Z\"";

  static Stream<Arguments> badRecords() {
    return Stream.of(
        Arguments.of("not JSON", "{not json", "not valid JSON"),
        Arguments.of("a JSON array", "[1, 2]", "must be a JSON object"),
        Arguments.of("a JSON string", "\"hello\"", "must be a JSON object"),
        Arguments.of("an empty record", "", "the event is empty"),
        Arguments.of(
            "an infinite value",
            "{\"entityId\":\"%s\",\"metric\":\"m\",\"value\":1e400," + TIME + "}",
            "'value'"),
        Arguments.of(
            "NaN as a value",
            "{\"entityId\":\"%s\",\"metric\":\"m\",\"value\":\"NaN\"," + TIME + "}",
            "'value'"),
        Arguments.of(
            "a boolean value",
            "{\"entityId\":\"%s\",\"metric\":\"m\",\"value\":true," + TIME + "}",
            "'value'"),
        Arguments.of(
            "a time that is not one",
            "{\"entityId\":\"%s\",\"metric\":\"m\",\"value\":1,\"timestamp\":\"yesterday\"}",
            "timestamp 'yesterday'"),
        Arguments.of(
            "an entity id of 10,000 characters",
            "{\"entityId\":\"%s"
                + "x".repeat(10_000)
                + "\",\"metric\":\"m\",\"value\":1,"
                + TIME
                + "}",
            "entity id"),
        Arguments.of(
            "a CloudEvents 1.0 envelope",
            "{\"specversion\":\"1.0\",\"type\":\"metric\",\"source\":\"/x\",\"id\":\"1\","
                + "\"data\":{\"entityId\":\"%s\",\"value\":1}}",
            "CloudEvents envelope"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void shouldDeadLetterABadRecordAndApplyTheNextEvent(String name, String value, String reason) {
    String entity = "bad-" + UUID.randomUUID();
    assertDeadLetteredAndTheNextApplied(
        entity, value.formatted(entity).getBytes(StandardCharsets.UTF_8), reason);
  }

  @Test
  void shouldDeadLetterInvalidUtf8AndApplyTheNextEvent() {
    String entity = "bad-" + UUID.randomUUID();
    byte[] bytes =
        ("{\"entityId\":\"" + entity + "\",\"metric\":\"\u00e9\"}")
            .getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xFF;
    assertDeadLetteredAndTheNextApplied(entity, bytes, "not valid JSON");
  }

  private static void assertDeadLetteredAndTheNextApplied(
      String entity, byte[] bytes, String reason) {
    try (TopicTail features = TopicTail.of("features");
        TopicTail deadLetters = TopicTail.of("metric-events-dlq");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write(new ProducerRecord<>("metric-events", entity, bytes));
      writer.write("metric-events", entity, goodEvent(entity));

      ConsumerRecord<String, byte[]> letter =
          deadLetters.await(1, r -> entity.equals(r.key()), WAIT).get(0);
      assertThat(letter.value()).isEqualTo(bytes);
      assertThat(TopicTail.header(letter, DeadLetter.ERROR_TYPE)).isEqualTo("invalid-event");
      assertThat(TopicTail.header(letter, DeadLetter.REASON)).containsIgnoringCase(reason);
      assertThat(TopicTail.header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo("metric-events");
      assertThat(TopicTail.header(letter, DeadLetter.SERVICE)).isEqualTo("enrich-service");
      ConsumerRecord<String, byte[]> applied =
          features.await(1, r -> entity.equals(r.key()), WAIT).get(0);
      assertThat(EventJson.tree(applied.value()).at("/activity/totalEvents").asLong()).isEqualTo(1);
    }
  }

  /** Ids are opaque text: a spreadsheet formula is kept as it is, and only ever served as JSON. */
  @Test
  void shouldKeepAFormulaAsAnEntityIdVerbatim() {
    String entity = "=HYPERLINK(\"http://evil.example\",\"" + UUID.randomUUID() + "\")";
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      writer.write("metric-events", entity, goodEvent(entity));

      ConsumerRecord<String, byte[]> applied =
          features.await(1, r -> entity.equals(r.key()), WAIT).get(0);
      assertThat(EventJson.tree(applied.value()).at("/entityId").asText()).isEqualTo(entity);
    }
  }

  private static String goodEvent(String entity) {
    return "{\"entityId\":"
        + EventJson.toJson(entity)
        + ",\"metric\":\"m\",\"value\":2,\"timestamp\":\"2025-01-01T10:00:05Z\"}";
  }
}
