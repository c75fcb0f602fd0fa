package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {

  @Test
  void shouldWriteBinaryModeHeadersAndReadThemBack() {
    CloudEvent event =
        new CloudEvent(
            "id-1",
            "dev.eventsuite.metric.recorded",
            "/eventsuite/ingest-service",
            Instant.parse("2025-01-01T10:00:00Z"),
            "u1");
    Headers headers = event.toHeaders();

    assertThat(CloudEvent.text(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(CloudEvent.text(headers, "ce_id")).isEqualTo("id-1");
    assertThat(CloudEvent.text(headers, "ce_time")).isEqualTo("2025-01-01T10:00:00Z");
    assertThat(CloudEvent.text(headers, "content-type")).isEqualTo("application/json");
    assertThat(CloudEvent.readFrom(headers)).contains(event);
  }

  @Test
  void shouldCarryASequenceThatSortsAsItsNumbersDo() {
    CloudEvent row =
        new CloudEvent(
                "id-2",
                "dev.eventsuite.metric.recorded",
                "/eventsuite/ingest-service",
                Instant.parse("2025-01-01T10:00:00Z"),
                "u1")
            .withSequence("/eventsuite/ingest-service/objects/local/inbox/a.csv@e1", 42);
    Headers headers = row.toHeaders();

    assertThat(CloudEvent.text(headers, "ce_sequence")).isEqualTo("0000000000000000042");
    assertThat(CloudEvent.sequence(headers)).hasValue(42);
    assertThat(CloudEvent.formatSequence(9)).isLessThan(CloudEvent.formatSequence(10));
    assertThat(CloudEvent.readFrom(headers))
        .hasValueSatisfying(
            read -> {
              assertThat(read.sequence()).isEqualTo(42L);
              assertThat(read.source()).endsWith("a.csv@e1");
            });
  }

  @Test
  void shouldReadNothingFromRecordsWithAnUnreadableSequence() {
    Headers headers =
        new CloudEvent(
                "id-3",
                "dev.eventsuite.metric.recorded",
                "/eventsuite/ingest-service",
                Instant.parse("2025-01-01T10:00:00Z"),
                null)
            .toHeaders();
    headers.add("ce_sequence", "row seven".getBytes(StandardCharsets.UTF_8));

    assertThat(CloudEvent.readFrom(headers)).isEmpty();
    assertThat(CloudEvent.sequence(headers)).isEmpty();
  }

  @Test
  void shouldReadNothingFromRecordsWithoutCloudEventHeaders() {
    assertThat(CloudEvent.readFrom(new RecordHeaders())).isEmpty();
  }
}
