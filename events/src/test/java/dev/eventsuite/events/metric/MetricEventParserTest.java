package dev.eventsuite.events.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricEventParserTest {

  private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void shouldReadTheCanonicalShape() {
    MetricRecorded event =
        parse(
            """
            {"entityId":"host-1","metric":"cpu","value":0.75,"timestamp":"2025-01-01T10:00:00Z",
             "attributes":{"region":"eu","cores":8}}
            """);

    assertThat(event)
        .isEqualTo(
            new MetricRecorded(
                null, "host-1", "cpu", 0.75, null, T, Map.of("region", "eu", "cores", "8")));
  }

  @Test
  void shouldReadTheValueFromMetricInTheUserIdShape() {
    // The seed designs' shape: the number is in "metric" and the time has no zone (UTC).
    MetricRecorded event =
        parse("{\"userId\":\"u1\",\"metric\":42,\"timestamp\":\"2025-01-01T10:00:00\"}");

    assertThat(event).isEqualTo(new MetricRecorded(null, "u1", null, 42.0, null, T, Map.of()));
  }

  @Test
  void shouldTellANumberInTextFromAMetricName() {
    assertThat(MetricEventParser.isDecimal("3.5")).isTrue();
    assertThat(MetricEventParser.isDecimal("-.5")).isTrue();
    assertThat(MetricEventParser.isDecimal("+12")).isTrue();
    assertThat(MetricEventParser.isDecimal("6.02E23")).isTrue();
    assertThat(MetricEventParser.isDecimal("1e-3")).isTrue();
    assertThat(MetricEventParser.isDecimal("cpu")).isFalse();
    assertThat(MetricEventParser.isDecimal("1e")).isFalse();
    assertThat(MetricEventParser.isDecimal(".")).isFalse();
    assertThat(MetricEventParser.isDecimal("3.5ms")).isFalse();
    assertThat(MetricEventParser.isDecimal("")).isFalse();
    assertThat(parse("{\"id\":\"s\",\"time\":0,\"metric\":\"p99\",\"value\":2}").metric())
        .isEqualTo("p99");
  }

  @Test
  void shouldReadTheIdTimeMetricShape() {
    MetricRecorded event = parse("{\"id\":\"sensor-7\",\"time\":1735725600000,\"metric\":\"3.5\"}");

    assertThat(event).isEqualTo(new MetricRecorded(null, "sensor-7", null, 3.5, null, T, Map.of()));
  }

  @Test
  void shouldReadACountOnlyEvent() {
    MetricRecorded event =
        parse(
            "{\"userId\":\"u2\",\"eventType\":\"login\",\"timestamp\":\"2025-01-01T11:00:00+01:00\"}");

    assertThat(event).isEqualTo(new MetricRecorded(null, "u2", null, null, "login", T, Map.of()));
    assertThat(event.isCountOnly()).isTrue();
  }

  @Test
  void shouldReadTimestampsInEveryAcceptedForm() {
    assertThat(timeOf("\"2025-01-01T10:00:00Z\"")).isEqualTo(T);
    assertThat(timeOf("\"2025-01-01T10:00:00\"")).isEqualTo(T);
    assertThat(timeOf("\"2025-01-01 10:00:00\"")).isEqualTo(T);
    assertThat(timeOf("\"2025-01-01T05:00:00-05:00\"")).isEqualTo(T);
    assertThat(timeOf("\"2025-01-01T11:00:00+01:00[Europe/Paris]\"")).isEqualTo(T);
    assertThat(timeOf("1735725600000")).isEqualTo(T);
    assertThat(timeOf("\"1735725600000\"")).isEqualTo(T);
    assertThat(timeOf("1735725600")).as("epoch seconds").isEqualTo(T);
    assertThat(timeOf("\"2025-01-01\"")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void shouldMatchFieldNamesRegardlessOfCaseAndSeparators() {
    MetricRecorded event =
        parse(
            "{\"user_id\":\"u3\",\"Event-Type\":\"click\",\"TIMESTAMP\":\"2025-01-01T10:00:00Z\"}");

    assertThat(event.entityId()).isEqualTo("u3");
    assertThat(event.eventType()).isEqualTo("click");
  }

  @Test
  void shouldKeepUnknownFieldsAsAttributes() {
    MetricRecorded event =
        parse(
            "{\"entityId\":\"e\",\"value\":1,\"timestamp\":0,\"page\":\"/home\",\"extra\":{\"a\":1}}");

    assertThat(event.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("page", "/home", "extra", "{\"a\":1}"));
  }

  @Test
  void shouldKeepTheProducersEventId() {
    assertThat(
            parse("{\"eventId\":\"ev-9\",\"entityId\":\"e\",\"value\":1,\"timestamp\":0}")
                .eventId())
        .isEqualTo("ev-9");
  }

  @Test
  void shouldUseTheFallbackTimeOnlyWhenTheEventHasNone() {
    byte[] event = "{\"entityId\":\"e\",\"value\":1}".getBytes(StandardCharsets.UTF_8);

    assertThat(MetricEventParser.parse(event, T).timestamp()).isEqualTo(T);
    assertThatThrownBy(() -> MetricEventParser.parse(event, null))
        .hasMessageContaining("has no time");
  }

  @Test
  void shouldRejectInvalidEventsWithAReasonAPersonCanActOn() {
    assertThat(rejection("{\"metric\":1,\"timestamp\":0}"))
        .isEqualTo("the event names no entity: expected one of 'entityId', 'userId' or 'id'");
    assertThat(rejection("{\"userId\":\"u\",\"metric\":1,\"timestamp\":\"yesterday\"}"))
        .contains("timestamp 'yesterday' is neither ISO-8601");
    assertThat(
            rejection("{\"entityId\":\"u\",\"metric\":\"cpu\",\"value\":\"high\",\"timestamp\":0}"))
        .isEqualTo("'value' is 'high', which is not a number");
    assertThat(rejection("{\"entityId\":\"u\",\"metric\":2,\"value\":3,\"timestamp\":0}"))
        .contains("both 'metric' and 'value' hold numbers");
    assertThat(rejection("{\"entityId\":\"  \",\"value\":1,\"timestamp\":0}")).contains("blank");
    assertThat(rejection("{\"entityId\":{\"a\":1},\"value\":1,\"timestamp\":0}"))
        .contains("must be a string or a number");
    assertThat(rejection("[{\"entityId\":\"u\"}]")).contains("must be a JSON object");
    assertThat(rejection("{\"entityId\":\"u\",")).contains("not valid JSON");
    assertThat(rejection("{\"entityId\":\"u\",\"value\":1e400,\"timestamp\":0}"))
        .contains("out of range");
  }

  @Test
  void shouldRejectMoreThanOneObject() {
    assertThat(rejection("{\"entityId\":\"u\",\"value\":1,\"timestamp\":0} {}"))
        .isEqualTo("the event is not valid JSON: more follows the object");
  }

  @Test
  void shouldReadTheSameEventFromTextAsFromItsTree() throws Exception {
    for (String json :
        List.of(
            "{\"entityId\":\"e\",\"metric\":\"cpu\",\"value\":0.25,\"timestamp\":\"2025-01-01T10:00:00Z\","
                + "\"attributes\":{\"host\":\"h1\",\"n\":2,\"gone\":null}}",
            "{\"USER_ID\":7,\"user-id\":\"ignored\",\"metric\":\"1e3\",\"time\":1735725600000}",
            "{\"id\":\"s\",\"eventTime\":\"2025-01-01\",\"eventType\":\"login\",\"page\":\"/\","
                + "\"ratio\":1.50,\"big\":12345678901234567890,\"ok\":true,\"tags\":[\"a\",{\"b\":1}]}")) {
      assertThat(MetricEventParser.parse(EventJson.mapper().readTree(json), null))
          .as(json)
          .isEqualTo(parse(json));
    }
    assertThat(
            parse(
                    "{\"id\":\"s\",\"time\":0,\"ratio\":1.50,\"big\":12345678901234567890,"
                        + "\"tags\":[\"a\",{\"b\":1}]}")
                .attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ratio", "1.5", "big", "12345678901234567890", "tags", "[\"a\",{\"b\":1}]"));
  }

  private static Instant timeOf(String timestampJson) {
    return parse("{\"entityId\":\"e\",\"value\":1,\"timestamp\":" + timestampJson + "}")
        .timestamp();
  }

  private static MetricRecorded parse(String json) {
    return MetricEventParser.parse(json.getBytes(StandardCharsets.UTF_8), null);
  }

  private static String rejection(String json) {
    try {
      parse(json);
    } catch (InvalidEventException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a rejection of " + json);
  }
}
