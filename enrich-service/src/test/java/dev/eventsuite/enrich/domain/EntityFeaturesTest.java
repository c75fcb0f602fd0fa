package dev.eventsuite.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.WindowStatistics;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityFeaturesTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final FeatureSettings FIVE_MINUTES =
      new FeatureSettings(
          List.of(Duration.ofMinutes(5)),
          Duration.ofMinutes(1),
          FeatureSettings.LatePolicy.DEAD_LETTER,
          0.5,
          300);

  private final EntityFeatures u1 = new EntityFeatures("u1", FIVE_MINUTES);
  private long offset;

  @Test
  void shouldComputeDeltaRatioAndGapFromTheSeedDesignsEvents() {
    // Given the seed designs' shape: the value in "metric", times without zone.
    apply("{\"userId\":\"u1\",\"metric\":42,\"timestamp\":\"2025-01-01T10:00:00\"}");

    // When a second value arrives a minute later
    FeaturesUpdated second =
        apply("{\"userId\":\"u1\",\"metric\":50,\"timestamp\":\"2025-01-01T10:01:00\"}");

    // Then delta = 50 - 42, ratio = 50 / 42, 60 s since the previous event
    assertThat(second.series().lastValue()).isEqualTo(50);
    assertThat(second.series().previousValue()).isEqualTo(42);
    assertThat(second.series().delta()).isEqualTo(8);
    assertThat(second.series().ratio()).isCloseTo(50.0 / 42.0, within(1e-12));
    assertThat(second.activity().secondsSincePrevious()).isEqualTo(60);
    assertThat(second.activity().lastEventTime()).isEqualTo(Instant.parse("2025-01-01T10:01:00Z"));
  }

  @Test
  void shouldLeaveDeltaRatioAndGapAbsentForTheFirstEvent() {
    FeaturesUpdated first = apply(value(42, "10:00:00"));

    assertThat(first.series().delta()).isNull();
    assertThat(first.series().ratio()).isNull();
    assertThat(first.series().previousValue()).isNull();
    assertThat(first.activity().secondsSincePrevious()).isNull();
  }

  @Test
  void shouldLeaveRatioAbsentWhenThePreviousValueIsZero() {
    apply(value(0, "10:00:00"));

    FeaturesUpdated next = apply(value(5, "10:00:10"));

    assertThat(next.series().delta()).isEqualTo(5);
    assertThat(next.series().ratio()).isNull();
  }

  @Test
  void shouldCountOnlyEventsOfTheLastFiveMinutes() {
    // The 5-minute rule: a window ending at t holds events with time in (t - 5 min, t].
    apply(value(1, "10:00:00"));
    apply(value(1, "10:02:00"));
    apply(value(1, "10:04:59"));

    // 10:00:00 is exactly five minutes before 10:05:00, so it has left the window.
    assertThat(apply(value(1, "10:05:00")).activity().eventCounts()).containsEntry("5m", 3L);
    // At 10:07:01, 10:02:00 has left too.
    assertThat(apply(value(1, "10:07:01")).activity().eventCounts()).containsEntry("5m", 3L);
    // Twenty minutes later only the new event is in the window; all six count in total.
    FeaturesUpdated later = apply(value(1, "10:27:01"));
    assertThat(later.activity().eventCounts()).containsEntry("5m", 1L);
    assertThat(later.activity().totalEvents()).isEqualTo(6);
  }

  @Test
  void shouldComputeRunningMeanAndSampleStandardDeviation() {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample variance 32 / 7.
    FeaturesUpdated last = null;
    int second = 0;
    for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
      last = apply(value(v, "10:00:0" + second++));
    }

    assertThat(last.series().count()).isEqualTo(8);
    assertThat(last.series().mean()).isCloseTo(5, within(1e-12));
    assertThat(last.series().stdDev()).isCloseTo(Math.sqrt(32.0 / 7.0), within(1e-12));
  }

  @Test
  void shouldComputeWindowStatisticsOverTheWindowOnly() {
    apply(value(100, "10:00:00"));
    apply(value(1, "10:06:00"));

    FeaturesUpdated last = apply(value(3, "10:07:00"));

    // The window (10:02, 10:07] holds 1 and 3; the overall statistics still count 100.
    assertThat(last.series().windows().get("5m"))
        .isEqualTo(new WindowStatistics(2, 2, Math.sqrt(2), 1, 3));
    assertThat(last.series().mean()).isCloseTo(104.0 / 3, within(1e-12));
  }

  @Test
  void shouldComputeTheEwmaWithTheConfiguredWeight() {
    // alpha 0.5: 10, then 0.5*20 + 0.5*10 = 15, then 0.5*30 + 0.5*15 = 22.5
    apply(value(10, "10:00:00"));
    apply(value(20, "10:00:01"));

    assertThat(apply(value(30, "10:00:02")).series().ewma()).isEqualTo(22.5);
  }

  @Test
  void shouldCountCountOnlyEventsAndKeepTheLastEventType() {
    FeaturesUpdated login =
        apply("{\"userId\":\"u1\",\"eventType\":\"login\",\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    FeaturesUpdated untyped = apply(value(1, "10:00:30"));

    assertThat(login.series()).isNull();
    assertThat(login.activity().eventCounts()).containsEntry("5m", 1L);
    assertThat(login.activity().lastEventType()).isEqualTo("login");
    assertThat(untyped.activity().lastEventType())
        .as("kept until another type arrives")
        .isEqualTo("login");
    assertThat(untyped.activity().eventCounts()).containsEntry("5m", 2L);
  }

  @Test
  void shouldKeepEachMetricsValuesApart() {
    apply(
        "{\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.5,\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    apply(
        "{\"entityId\":\"u1\",\"metric\":\"mem\",\"value\":70,\"timestamp\":\"2025-01-01T10:00:01Z\"}");

    FeaturesUpdated cpu =
        apply(
            "{\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.7,\"timestamp\":\"2025-01-01T10:00:02Z\"}");

    assertThat(cpu.series().metric()).isEqualTo("cpu");
    assertThat(cpu.series().delta()).isCloseTo(0.2, within(1e-12));
    assertThat(cpu.activity().totalEvents()).isEqualTo(3);
    assertThat(u1.snapshot().series()).containsOnlyKeys("cpu", "mem");
  }

  @Test
  void shouldLetALateEventCountWithoutBecomingTheLastValue() {
    apply(value(10, "10:00:00"));
    apply(value(20, "10:00:30"));

    // 20 s late, within the allowed minute
    FeaturesUpdated late = apply(value(1000, "10:00:10"));

    assertThat(late.late()).isTrue();
    assertThat(late.series().lastValue()).isEqualTo(20);
    assertThat(late.series().delta()).isNull();
    assertThat(late.series().count()).isEqualTo(3);
    assertThat(late.series().windows().get("5m").max()).isEqualTo(1000);
    assertThat(late.activity().eventCounts()).containsEntry("5m", 3L);
    assertThat(late.activity().secondsSincePrevious()).isNull();
    // The entity's own view keeps the last in-order delta.
    assertThat(u1.snapshot().series().get("").delta()).isEqualTo(10);
  }

  @Test
  void shouldRefuseAnEventLaterThanTheAllowedLateness() {
    apply(value(10, "10:00:00"));
    apply(value(20, "10:05:00"));
    byte[] before = EntityFeaturesCodec.encode(u1);

    ApplyOutcome outcome =
        u1.apply(event(value(5, "10:03:00")), next(), EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW);

    assertThat(outcome).isInstanceOf(ApplyOutcome.TooLate.class);
    assertThat(((ApplyOutcome.TooLate) outcome).reason())
        .contains("is PT2M behind")
        .contains("allowed lateness is PT1M");
    assertThat(EntityFeaturesCodec.encode(u1)).isEqualTo(before);
  }

  @Test
  void shouldIgnoreAnEventItHasAlreadyApplied() {
    SourcePosition first = next();
    u1.apply(event(value(10, "10:00:00")), first, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW);
    SourcePosition second = next();
    u1.apply(event(value(20, "10:00:01")), second, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW);
    byte[] before = EntityFeaturesCodec.encode(u1);

    // A replay after a crash reads both events again.
    assertThat(
            u1.apply(
                event(value(10, "10:00:00")), first, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW))
        .isInstanceOf(ApplyOutcome.AlreadyApplied.class);
    assertThat(
            u1.apply(
                event(value(20, "10:00:01")), second, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW))
        .isInstanceOf(ApplyOutcome.AlreadyApplied.class);
    assertThat(EntityFeaturesCodec.encode(u1)).isEqualTo(before);
  }

  @Test
  void shouldApplyRowsPublishedAgainUpstreamOnce() {
    String file = "/eventsuite/ingest-service/objects/local/inbox/load.csv@v1";
    for (int row = 1; row <= 5; row++) {
      assertThat(applyRow(file, row, "10:00:0" + row)).isInstanceOf(ApplyOutcome.Applied.class);
    }
    byte[] before = EntityFeaturesCodec.encode(u1);

    // ingest-service restarted from its progress at row 2: rows 3 to 5 come again, new offsets
    for (int row = 3; row <= 5; row++) {
      assertThat(applyRow(file, row, "10:00:0" + row)).isInstanceOf(ApplyOutcome.Repeated.class);
    }
    assertThat(EntityFeaturesCodec.encode(u1)).isEqualTo(before);
    assertThat(applyRow(file, 6, "10:00:06")).isInstanceOf(ApplyOutcome.Applied.class);
    assertThat(u1.snapshot().activity().totalEvents()).isEqualTo(6);
  }

  @Test
  void shouldApplyTheRowsOfANewVersionOfTheSameObject() {
    String path = "/eventsuite/ingest-service/objects/local/inbox/load.csv";
    applyRow(path + "@v1", 1, "10:00:01");

    assertThat(applyRow(path + "@v2", 1, "10:00:02")).isInstanceOf(ApplyOutcome.Applied.class);
  }

  @Test
  void shouldRecogniseAnEventResentWithTheIdItsProducerGaveIt() {
    u1.apply(event(value(1, "10:00:01")), next(), origin("e-1"), FIVE_MINUTES, NOW);
    u1.apply(event(value(2, "10:00:02")), next(), origin("e-2"), FIVE_MINUTES, NOW);

    assertThat(u1.apply(event(value(1, "10:00:01")), next(), origin("e-1"), FIVE_MINUTES, NOW))
        .isInstanceOf(ApplyOutcome.Repeated.class);
    assertThat(u1.apply(event(value(3, "10:00:03")), next(), origin("e-3"), FIVE_MINUTES, NOW))
        .isInstanceOf(ApplyOutcome.Applied.class);
    assertThat(u1.snapshot().activity().totalEvents()).isEqualTo(3);
  }

  @Test
  void shouldReportATooLateRowOnceHoweverOftenItComes() {
    String file = "/eventsuite/ingest-service/objects/local/inbox/load.csv@v1";
    applyRow(file, 1, "10:05:00");

    assertThat(applyRow(file, 2, "10:00:00")).isInstanceOf(ApplyOutcome.TooLate.class);
    assertThat(applyRow(file, 2, "10:00:00")).isInstanceOf(ApplyOutcome.Repeated.class);
  }

  @Test
  void shouldRememberWhatItAppliedAcrossARestart() {
    String file = "/eventsuite/ingest-service/objects/local/inbox/load.csv@v1";
    applyRow(file, 1, "10:00:01");
    u1.apply(event(value(7, "10:00:02")), next(), origin("e-7"), FIVE_MINUTES, NOW);

    EntityFeatures restored =
        EntityFeaturesCodec.decode(EntityFeaturesCodec.encode(u1), FIVE_MINUTES);

    assertThat(
            restored.apply(
                event(value(1, "10:00:01")),
                next(),
                new EventOrigin("r-1", file, 1L),
                FIVE_MINUTES,
                NOW))
        .isInstanceOf(ApplyOutcome.Repeated.class);
    assertThat(
            restored.apply(event(value(7, "10:00:02")), next(), origin("e-7"), FIVE_MINUTES, NOW))
        .isInstanceOf(ApplyOutcome.Repeated.class);
  }

  @Test
  void shouldRestoreFromItsStoredFormExactly() {
    apply(
        "{\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.5,\"eventType\":\"probe\",\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    apply(
        "{\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.9,\"timestamp\":\"2025-01-01T10:00:05Z\"}");
    apply("{\"entityId\":\"u1\",\"value\":3,\"timestamp\":\"2025-01-01T10:00:06Z\"}");

    EntityFeatures restored =
        EntityFeaturesCodec.decode(EntityFeaturesCodec.encode(u1), FIVE_MINUTES);

    assertThat(restored.snapshot()).isEqualTo(u1.snapshot());
    assertThat(EntityFeaturesCodec.encode(restored)).isEqualTo(EntityFeaturesCodec.encode(u1));
    // and it carries on exactly as the original does
    SourcePosition position = next();
    MetricRecorded more =
        event(
            "{\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":1.2,\"timestamp\":\"2025-01-01T10:00:09Z\"}");
    assertThat(restored.apply(more, position, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW))
        .isEqualTo(u1.apply(more, position, EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW));
  }

  @Test
  void shouldKeepOnlyTheBucketsItsWindowsReach() {
    for (int minute = 0; minute < 60; minute++) {
      apply(value(minute, "10:%02d:00".formatted(minute)));
    }

    // A five-minute window at one-second resolution needs the last five events' buckets only.
    assertThat(u1.activity[0].buckets).hasSize(5);
    assertThat(u1.series.get("").windows[0].buckets).hasSize(5);
  }

  @Test
  void shouldKeepEachWindowAtItsOwnResolution() {
    // One minute kept in 1 s buckets, one hour in 1 min buckets: 60 slices each.
    FeatureSettings twoWindows =
        new FeatureSettings(
            List.of(Duration.ofMinutes(1), Duration.ofHours(1)),
            Duration.ofMinutes(1),
            FeatureSettings.LatePolicy.DROP,
            0.5,
            60);
    EntityFeatures entity = new EntityFeatures("u1", twoWindows);
    for (String time : List.of("10:00:00", "10:30:00", "10:59:30")) {
      entity.apply(event(value(1, time)), next(), EventOrigin.POSITION_ONLY, twoWindows, NOW);
    }

    ApplyOutcome last =
        entity.apply(
            event(value(1, "11:00:00")), next(), EventOrigin.POSITION_ONLY, twoWindows, NOW);

    // (10:59:00, 11:00:00] holds two events; (10:00:00, 11:00:00] three.
    assertThat(((ApplyOutcome.Applied) last).features().activity().eventCounts())
        .containsExactly(Map.entry("1m", 2L), Map.entry("1h", 3L));
    assertThat(entity.activity[1].buckets).hasSizeLessThanOrEqualTo(61);
  }

  @Test
  void shouldKeepStoredWindowsThatStillMatchTheConfiguration() {
    apply(value(1, "10:00:00"));
    apply(value(2, "10:00:01"));
    FeatureSettings moreWindows =
        new FeatureSettings(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
            Duration.ofMinutes(1),
            FeatureSettings.LatePolicy.DROP,
            0.5,
            300);

    EntityFeatures restored =
        EntityFeaturesCodec.decode(EntityFeaturesCodec.encode(u1), moreWindows);

    // The 5-minute window survives; the new 1-minute one starts empty and fills from here on.
    assertThat(restored.snapshot().activity().eventCounts())
        .containsExactly(Map.entry("1m", 0L), Map.entry("5m", 2L));
  }

  private FeaturesUpdated apply(String json) {
    ApplyOutcome outcome =
        u1.apply(event(json), next(), EventOrigin.POSITION_ONLY, FIVE_MINUTES, NOW);
    assertThat(outcome).isInstanceOf(ApplyOutcome.Applied.class);
    return ((ApplyOutcome.Applied) outcome).features();
  }

  private ApplyOutcome applyRow(String source, long row, String time) {
    return u1.apply(
        event(value(row, time)),
        next(),
        new EventOrigin("row-" + row, source, row),
        FIVE_MINUTES,
        NOW);
  }

  private static EventOrigin origin(String id) {
    return new EventOrigin(id, null, null);
  }

  private SourcePosition next() {
    return new SourcePosition("metric-events", 0, offset++);
  }

  private static MetricRecorded event(String json) {
    return MetricEventParser.parse(json.getBytes(StandardCharsets.UTF_8), null)
        .withEventId("e-" + json.hashCode());
  }

  private static String value(double v, String time) {
    return "{\"userId\":\"u1\",\"metric\":%s,\"timestamp\":\"2025-01-01T%s\"}".formatted(v, time);
  }
}
