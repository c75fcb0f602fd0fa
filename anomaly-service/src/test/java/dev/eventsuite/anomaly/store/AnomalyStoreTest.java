package dev.eventsuite.anomaly.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AnomalyStoreTest {

  private static final Instant START = Instant.parse("2025-07-01T00:00:00Z");

  @Inject AnomalyStore store;

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
        .containsExactly(
            "ev-2400", "ev-2401", "ev-2402", "ev-2403", "ev-2404", "ev-2405", "ev-2406", "ev-2407",
            "ev-2408", "ev-2409", "ev-2410", "ev-2411", "ev-2412", "ev-2413", "ev-2414", "ev-2415",
            "ev-2416", "ev-2417", "ev-2418", "ev-2419", "ev-2420", "ev-2421", "ev-2422", "ev-2423",
            "ev-2424", "ev-2425", "ev-2426", "ev-2427", "ev-2428", "ev-2429", "ev-2430", "ev-2431",
            "ev-2432", "ev-2433", "ev-2434", "ev-2435", "ev-2436", "ev-2437", "ev-2438", "ev-2439",
            "ev-2440", "ev-2441", "ev-2442", "ev-2443", "ev-2444", "ev-2445", "ev-2446", "ev-2447",
            "ev-2448", "ev-2449", "ev-2450", "ev-2451", "ev-2452", "ev-2453", "ev-2454", "ev-2455",
            "ev-2456", "ev-2457", "ev-2458", "ev-2459", "ev-2460", "ev-2461", "ev-2462", "ev-2463",
            "ev-2464", "ev-2465", "ev-2466", "ev-2467", "ev-2468", "ev-2469", "ev-2470", "ev-2471",
            "ev-2472", "ev-2473", "ev-2474", "ev-2475", "ev-2476", "ev-2477", "ev-2478", "ev-2479",
            "ev-2480", "ev-2481", "ev-2482", "ev-2483", "ev-2484", "ev-2485", "ev-2486", "ev-2487",
            "ev-2488", "ev-2489", "ev-2490", "ev-2491", "ev-2492", "ev-2493", "ev-2494", "ev-2495",
            "ev-2496", "ev-2497", "ev-2498", "ev-2499");
    assertThat(latest.get(0).value()).isEqualTo(1500.0);
    assertThat(latest.get(0).input()).isNull();
  }

  @Test
  void shouldInsertAnAnomalyOnceAndSayWhichAreNew() {
    String entity = "s-" + UUID.randomUUID();
    AnomalyDetected first = anomaly(entity, "a-1");
    AnomalyDetected second = anomaly(entity, "a-2");

    List<AnomalyDetected> newOnes = store.save(List.of(), List.of(first), List.of());
    List<AnomalyDetected> again = store.save(List.of(), List.of(first, second, second), List.of());

    assertThat(newOnes).containsExactly(first);
    assertThat(again).containsExactly(second);
    assertThat(store.anomalies(entity, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10))
        .extracting(AnomalyDetected::anomalyId)
        .containsExactlyInAnyOrder("a-1", "a-2");
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
