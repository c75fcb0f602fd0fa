package dev.eventsuite.anomaly.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the anomaly store does on every database it runs on: blocks of scored events read back by
 * time and limit, once each, anomalies inserted once, and the alert ledger's decisions the same
 * when a record is read again.
 */
abstract class AnomalyStoreContract {

  private static final Instant START = Instant.parse("2025-07-01T00:00:00Z");

  private static final Duration INTERVAL = Duration.ofMinutes(10);

  @Inject AnomalyStore store;
  @Inject AlertLedger ledger;

  @Test
  void shouldReadBackTheLatestEventsOfASeriesOnceEachAcrossBlocks() {
    String entity = "s-" + UUID.randomUUID();
    List<ScoredEvent> events = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      events.add(event(entity, i, i == 1800));
    }
    // Written by two checkpoints; the second repeats 100 events, as a second instance would after
    // a lost partition.
    store.save(events.subList(0, 1500), List.of(), List.of());
    store.save(events.subList(1400, 2500), List.of(), List.of());

    List<ScoredEvent> latest = store.series(entity, null, START, 1000);
    List<ScoredEvent> since = store.series(entity, "m", START.plusSeconds(2400), 10_000);

    assertThat(latest).hasSize(1000);
    assertThat(latest.get(0).eventId()).isEqualTo("ev-1500");
    assertThat(latest.get(999).eventId()).isEqualTo("ev-2499");
    assertThat(latest)
        .filteredOn(ScoredEvent::anomaly)
        .extracting(ScoredEvent::eventId)
        .containsExactly("ev-1800");
    assertThat(since)
        .extracting(ScoredEvent::eventId)
        .containsExactlyElementsOf(IntStream.range(2400, 2500).mapToObj(i -> "ev-" + i).toList());
    assertThat(latest.get(0).value()).isEqualTo(1500.0);
    assertThat(latest.get(0).input()).isNull();
  }

  @Test
  void shouldInsertAnAnomalyOnce() {
    String entity = "s-" + UUID.randomUUID();
    AnomalyDetected first = anomaly(entity, "a-1");
    AnomalyDetected second = anomaly(entity, "a-2");

    store.save(List.of(), List.of(first), List.of());
    store.save(List.of(), List.of(first, second, second), List.of());

    assertThat(store.anomalies(entity, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10))
        .extracting(AnomalyDetected::anomalyId)
        .containsExactlyInAnyOrder("a-1", "a-2");
  }

  @Test
  void shouldAlertTheFirstAnomalyOfAnIntervalAndCarryTheCountOfThoseHeldBack() {
    String entity = "s-" + UUID.randomUUID();

    AlertLedger.Decision first = ledger.decide(anomaly(entity, "a-1"), 0, 10, START, INTERVAL);
    AlertLedger.Decision second =
        ledger.decide(anomaly(entity, "a-2"), 0, 11, START.plusSeconds(60), INTERVAL);
    AlertLedger.Decision third =
        ledger.decide(anomaly(entity, "a-3"), 0, 12, START.plusSeconds(120), INTERVAL);
    AlertLedger.Decision later =
        ledger.decide(anomaly(entity, "a-4"), 0, 13, START.plus(INTERVAL), INTERVAL);

    assertThat(first).isEqualTo(new AlertLedger.Decision(true, 0, false));
    assertThat(second).isEqualTo(new AlertLedger.Decision(false, 0, false));
    assertThat(third).isEqualTo(new AlertLedger.Decision(false, 0, false));
    assertThat(later).isEqualTo(new AlertLedger.Decision(true, 2, false));
  }

  @Test
  void shouldGiveARecordReadAgainItsEarlierDecisionWithoutCountingItTwice() {
    String entity = "s-" + UUID.randomUUID();
    Instant now = START;
    ledger.decide(anomaly(entity, "a-1"), 3, 100, now, INTERVAL);
    ledger.decide(anomaly(entity, "a-2"), 3, 101, now, INTERVAL);

    // After a crash, the records from offset 100 on come again.
    AlertLedger.Decision alertedAgain =
        ledger.decide(anomaly(entity, "a-1"), 3, 100, now, INTERVAL);
    AlertLedger.Decision heldBackAgain =
        ledger.decide(anomaly(entity, "a-2"), 3, 101, now, INTERVAL);
    AlertLedger.Decision next =
        ledger.decide(anomaly(entity, "a-3"), 3, 102, now.plus(INTERVAL), INTERVAL);

    assertThat(alertedAgain).isEqualTo(new AlertLedger.Decision(true, 0, true));
    assertThat(heldBackAgain).isEqualTo(new AlertLedger.Decision(false, 0, true));
    assertThat(next).isEqualTo(new AlertLedger.Decision(true, 1, false));
  }

  @Test
  void shouldRememberWhichNotifiersAcceptedAnAlert() {
    String anomalyId = "a-" + UUID.randomUUID();
    ledger.delivered(anomalyId, "webhook", START);
    ledger.delivered(anomalyId, "webhook", START.plusSeconds(1));
    ledger.delivered(anomalyId, "notifications", START);

    assertThat(ledger.deliveredTo(anomalyId)).containsExactlyInAnyOrder("webhook", "notifications");
    assertThat(ledger.deliveredTo("a-" + UUID.randomUUID())).isEmpty();
  }

  private static ScoredEvent event(String entity, int i, boolean anomaly) {
    return new ScoredEvent(
        "ev-" + i,
        entity,
        "m",
        START.plusSeconds(i),
        (double) i,
        null,
        anomaly ? 9 : 0.5,
        anomaly,
        "zscore",
        START,
        new SourcePosition("features", 0, i));
  }

  private static AnomalyDetected anomaly(String entity, String id) {
    return new AnomalyDetected(
        id, entity, "m", "ev-" + id, START, 1.0, "zscore", "delta", 4, 3, null, START);
  }
}
