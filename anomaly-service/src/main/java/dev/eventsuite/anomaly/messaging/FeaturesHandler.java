package dev.eventsuite.anomaly.messaging;

import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.anomaly.domain.SeriesScorer;
import dev.eventsuite.anomaly.domain.Verdict;
import dev.eventsuite.anomaly.service.Detectors;
import dev.eventsuite.anomaly.store.AnomalyStore;
import dev.eventsuite.anomaly.store.ScoredEvent;
import dev.eventsuite.anomaly.store.StoredSeries;
import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.platform.kafka.PartitionedState;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Scores every feature snapshot on {@code features} with its series' detector and publishes each
 * anomaly on {@code anomalies}.
 *
 * <p>Detector state lives in memory per assigned partition, is loaded from the store when a
 * partition is assigned, and is written at each checkpoint together with the events scored and the
 * anomalies found, before offsets are committed. Each series remembers the position of the last
 * snapshot it applied, so snapshots replayed after a crash change nothing; anomalies are inserted
 * once. Alerts are delivered from the {@code anomalies} topic by {@code AlertDelivery}.
 */
@ApplicationScoped
public class FeaturesHandler implements RecordHandler {

  private final Detectors detectors;
  private final AnomalyStore store;
  private final String anomaliesTopic;
  private final String source;
  private final PartitionedState<SeriesKey, SeriesScorer> series = new PartitionedState<>();
  private final Map<String, Counter> skipped = new ConcurrentHashMap<>();
  private List<ScoredEvent> scored = new ArrayList<>();
  private List<AnomalyDetected> anomalies = new ArrayList<>();
  private final Counter scoredCount;
  private final Counter anomalyCount;
  private final Counter replayed;
  private final MeterRegistry registry;
  private final Timer flushes;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "anomaly-store-writer"));

  @Inject
  public FeaturesHandler(
      Detectors detectors,
      AnomalyStore store,
      SuiteConfig suite,
      EventPublisher publisher,
      MeterRegistry registry) {
    this.detectors = detectors;
    this.store = store;
    this.anomaliesTopic = suite.topics().anomalies();
    this.source = publisher.source();
    this.registry = registry;
    this.scoredCount =
        Counter.builder("suite.anomaly.scored")
            .description("Feature snapshots scored")
            .register(registry);
    this.anomalyCount =
        Counter.builder("suite.anomaly.anomalies")
            .description("Anomalies found and published")
            .register(registry);
    this.replayed =
        Counter.builder("suite.anomaly.replayed")
            .description("Feature snapshots already scored, seen again after a restart")
            .register(registry);
    this.flushes =
        Timer.builder("suite.anomaly.store.flush")
            .description("Writing scored events, anomalies and detector state")
            .register(registry);
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    FeaturesUpdated features = EventJson.fromBytes(record.value(), FeaturesUpdated.class);
    SeriesKey key = SeriesKey.of(features.entityId(), features.metric());
    SeriesScorer scorer = series.computeIfAbsent(record.partition(), key, detectors::newScorer);
    SourcePosition position =
        new SourcePosition(record.topic(), record.partition(), record.offset());
    Verdict verdict = scorer.apply(features, position);
    if (verdict instanceof Verdict.Replayed) {
      replayed.increment();
      return;
    }
    series.changed(record.partition(), key);
    if (verdict instanceof Verdict.Scored result) {
      scored(record, output, key, scorer, features, result);
    } else if (verdict instanceof Verdict.Skipped skip) {
      skippedCounter(skip.reason()).increment();
    }
  }

  private void scored(
      ConsumerRecord<String, byte[]> record,
      StreamOutput output,
      SeriesKey key,
      SeriesScorer scorer,
      FeaturesUpdated features,
      Verdict.Scored result) {
    Instant now = Instant.now();
    scoredCount.increment();
    scored.add(
        new ScoredEvent(
            features.eventId(),
            key.entityId(),
            key.metric(),
            features.eventTime(),
            features.value(),
            Double.isNaN(result.input()) ? null : result.input(),
            result.score().score(),
            result.score().anomaly(),
            scorer.spec().methodName(),
            now,
            scorer.position()));
    if (!result.score().anomaly()) {
      return;
    }
    anomalyCount.increment();
    String method = scorer.spec().methodName();
    AnomalyDetected anomaly =
        new AnomalyDetected(
            EventIds.of(AnomalyDetected.TYPE, features.eventId(), method),
            features.entityId(),
            features.metric(),
            features.eventId(),
            features.eventTime(),
            features.value(),
            method,
            scorer.spec().featureName(),
            result.score().score(),
            scorer.spec().threshold(),
            features,
            now);
    anomalies.add(anomaly);
    output.publish(
        record,
        anomaliesTopic,
        anomaly.entityId(),
        anomaly,
        new CloudEvent(
            anomaly.anomalyId(),
            AnomalyDetected.TYPE,
            source,
            anomaly.eventTime(),
            anomaly.entityId()));
  }

  /** Loads the assigned partitions' series from the store. */
  @Override
  public void partitionsCaughtUp(Collection<TopicPartition> current) {
    series.caughtUp(current);
  }

  /**
   * Whether every series of this instance's partitions is known: false while a restart or rebalance
   * is still scoring the snapshots since the last checkpoint.
   */
  public boolean isCurrent() {
    return series.isCurrent();
  }

  @Override
  public void partitionsAssigned(Collection<TopicPartition> assigned) {
    for (TopicPartition partition : assigned) {
      Map<SeriesKey, SeriesScorer> loaded = new HashMap<>();
      for (StoredSeries stored : store.loadPartition(partition.topic(), partition.partition())) {
        loaded.put(stored.key(), restore(stored));
      }
      series.assign(partition.partition(), loaded);
    }
  }

  @Override
  public void partitionsRevoked(Collection<TopicPartition> revoked) {
    // What was scored but not yet written stays captured: rows keyed by event and anomaly ids
    // are the same when replayed, and written once.
    series.revoke(revoked);
  }

  /**
   * Captures what was scored since the last checkpoint and every series changed, and writes them on
   * the writer thread while the stream goes on.
   */
  @Override
  public CompletionStage<Void> checkpoint() {
    List<StoredSeries> changed =
        series.drainChanged(
            (key, scorer) ->
                new StoredSeries(
                    key,
                    scorer.position(),
                    scorer.spec().methodName(),
                    scorer.detectorState(),
                    scorer.latest()));
    if (changed.isEmpty() && scored.isEmpty() && anomalies.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<ScoredEvent> scoredNow = scored;
    List<AnomalyDetected> anomaliesNow = anomalies;
    scored = new ArrayList<>();
    anomalies = new ArrayList<>();
    return CompletableFuture.runAsync(
        () -> flushes.record(() -> store.save(scoredNow, anomaliesNow, changed)), writer);
  }

  void stopWriter(@Observes ShutdownEvent event) {
    writer.shutdown();
  }

  /** An entity's metric when this instance holds its partition; never blocks. */
  public Optional<SeriesScorer> held(SeriesKey key) {
    return series.find(key);
  }

  /** A scorer set back to what the store holds; a fresh detector where the detector changed. */
  public SeriesScorer restore(StoredSeries stored) {
    SeriesScorer scorer = detectors.newScorer(stored.key());
    boolean sameDetector = scorer.spec().methodName().equals(stored.method());
    scorer.restore(
        stored.latest(), stored.position(), sameDetector ? stored.detectorState() : null);
    return scorer;
  }

  private Counter skippedCounter(String reason) {
    return skipped.computeIfAbsent(
        reason,
        r ->
            Counter.builder("suite.anomaly.skipped")
                .description("Feature snapshots not scored, by reason")
                .tag("reason", r)
                .register(registry));
  }
}
