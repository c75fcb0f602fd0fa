package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

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
  void shouldReadNothingFromRecordsWithoutCloudEventHeaders() {
    assertThat(CloudEvent.readFrom(new RecordHeaders())).isEmpty();
  }
}
