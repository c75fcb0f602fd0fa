package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void shouldWriteAMetricEventInTheCanonicalShapeAndReadItBack() {
    MetricRecorded event =
        new MetricRecorded(
            "ev-1",
            "host-1",
            "cpu",
            0.75,
            null,
            Instant.parse("2025-01-01T10:00:00.120Z"),
            Map.of());

    String json = EventJson.toJson(event);

    assertThat(json)
        .isEqualTo(
            "{\"eventId\":\"ev-1\",\"entityId\":\"host-1\",\"metric\":\"cpu\",\"value\":0.75,"
                + "\"timestamp\":\"2025-01-01T10:00:00.120Z\"}");
    assertThat(MetricEventParser.parse(json.getBytes(StandardCharsets.UTF_8), null))
        .isEqualTo(event);
    MetricRecorded counted =
        new MetricRecorded(null, "u1", null, null, "login", T, Map.of("page", "/home"));
    assertThat(MetricEventParser.parse(EventJson.toBytes(counted), null)).isEqualTo(counted);
  }

  @Test
  void shouldEscapeWhatJsonRequiresInAMetricEvent() throws Exception {
    String awkward =
        "quote \" backslash \\ newline \n tab \t bell \u0007 accent é emoji \uD83D\uDE00";
    MetricRecorded event =
        new MetricRecorded(
            awkward, awkward, awkward, -1.5e-7, awkward, T, Map.of(awkward, awkward));

    String json = EventJson.toJson(event);

    assertThat(EventJson.mapper().readTree(json).get("entityId").asText()).isEqualTo(awkward);
    assertThat(MetricEventParser.parse(json.getBytes(StandardCharsets.UTF_8), null))
        .isEqualTo(event);
    assertThat(EventJson.toJson(Map.of("nested", event))).isEqualTo("{\"nested\":" + json + "}");
  }

  private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");
  private static final DocumentMetadata METADATA =
      new DocumentMetadata(
          "docs",
          "docs/guide.md",
          "local",
          "docs",
          "guide.md",
          "text/markdown",
          120L,
          "Guide",
          "guide.md",
          T,
          T,
          Map.of("owner", "ops"),
          Map.of());

  @Test
  void shouldTellDocumentSectionsFromRemovals() {
    DocumentEvent section = new DocumentSectionExtracted("d1", "v1", 0, 1, "Hello.", METADATA);
    DocumentEvent removal = new DocumentRemoved("d1", "docs/guide.md", T);

    assertThat(roundTrip(section, DocumentEvent.class)).isEqualTo(section);
    assertThat(roundTrip(removal, DocumentEvent.class)).isEqualTo(removal);
    assertThat(EventJson.toJson(removal)).contains("\"kind\":\"removed\"");
  }

  @Test
  void shouldTellChunksFromRemovals() {
    ChunkEvent chunk =
        new ChunkPrepared(
            "c1", "d1", "v1", 0, 1, 0, 1, "Hello.", "ab12", "en", List.of("Intro"), METADATA);

    assertThat(roundTrip(chunk, ChunkEvent.class)).isEqualTo(chunk);
    assertThat(roundTrip(new DocumentRemoved("d1", null, T), ChunkEvent.class))
        .isEqualTo(new DocumentRemoved("d1", null, T));
  }

  @Test
  void shouldWriteTimesAsIsoTextAndOmitAbsentValues() {
    FeaturesUpdated features =
        new FeaturesUpdated(
            "u1",
            "ev-1",
            T,
            null,
            42.0,
            null,
            false,
            new EntityActivity(1, Map.of("5m", 1L), T, null, null),
            new SeriesFeatures(
                null,
                1,
                42,
                null,
                null,
                null,
                42,
                0,
                42,
                Map.of("5m", new WindowStatistics(1, 42, 0, 42, 42))),
            new SourcePosition("metric-events", 0, 5),
            T);

    String json = EventJson.toJson(features);

    assertThat(json).contains("\"eventTime\":\"2025-01-01T10:00:00Z\"").doesNotContain("null");
    assertThat(roundTrip(features, FeaturesUpdated.class)).isEqualTo(features);
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnow() {
    byte[] json =
        "{\"kind\":\"removed\",\"documentId\":\"d\",\"removedAt\":\"2025-01-01T10:00:00Z\",\"newField\":1}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(EventJson.fromBytes(json, DocumentEvent.class))
        .isEqualTo(new DocumentRemoved("d", null, T));
  }

  @Test
  void shouldRejectJsonOfAnotherShapeWithTheTypeInTheReason() {
    assertThatThrownBy(
            () ->
                EventJson.fromBytes(
                    "{\"kind\":\"x\"}".getBytes(StandardCharsets.UTF_8), DocumentEvent.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not a valid DocumentEvent JSON document");
  }

  private static <T> T roundTrip(Object event, Class<T> type) {
    return EventJson.fromBytes(EventJson.toBytes(event), type);
  }
}
