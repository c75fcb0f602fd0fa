package dev.eventsuite.enrich.messaging;

import dev.eventsuite.enrich.config.EnrichConfig;
import dev.eventsuite.enrich.domain.ApplyOutcome;
import dev.eventsuite.enrich.domain.EntityFeatures;
import dev.eventsuite.enrich.domain.EventOrigin;
import dev.eventsuite.enrich.domain.FeatureSettings;
import dev.eventsuite.enrich.domain.FeatureSnapshot;
import dev.eventsuite.enrich.store.FeatureStore;
import dev.eventsuite.enrich.store.StoredEntity;
import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.platform.kafka.PartitionedState;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns each metric event into the entity's feature snapshot on {@code features}.
 *
 * <p>State lives in memory per assigned partition, is loaded from the feature store when a
 * partition is assigned, and is written back for every entity that changed at each checkpoint,
 * before offsets are committed. Every entity remembers the position of the last event it applied,
 * so events replayed after a crash are recognised and change nothing, and the ids and sequences of
 * the events it applied ({@link dev.eventsuite.enrich.domain.AppliedEvents}), so an event published
 * twice upstream is applied once.
 */
@ApplicationScoped
public class MetricEventsHandler implements RecordHandler {

  private final FeatureSettings settings;
  private final Duration maxFuture;
  private final FeatureStore store;
  private final String metricEventsTopic;
  private final String featuresTopic;
  private final String source;
  private final PartitionedState<String, EntityFeatures> entities = new PartitionedState<>();
  private final Counter tooLate;
  private final Counter rekeyed;
  private final Counter replayed;
  private final Counter repeated;
  private final Timer flushes;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "feature-store-writer"));

  @Inject
  public MetricEventsHandler(
      EnrichConfig config,
      SuiteConfig suite,
      FeatureStore store,
      EventPublisher publisher,
      MeterRegistry registry) {
    this.settings = config.features().settings();
    this.maxFuture = config.features().maxFuture();
    this.store = store;
    this.metricEventsTopic = suite.topics().metricEvents();
    this.featuresTopic = suite.topics().features();
    this.source = publisher.source();
    this.tooLate =
        Counter.builder("suite.enrich.events.too.late")
            .description("Metric events later than the allowed lateness")
            .tag("policy", settings.latePolicy().name().toLowerCase())
            .register(registry);
    this.rekeyed =
        Counter.builder("suite.enrich.events.rekeyed")
            .description("Metric events re-published under their entity id as key")
            .register(registry);
    this.replayed =
        Counter.builder("suite.enrich.events.replayed")
            .description("Metric events already applied, seen again after a restart")
            .register(registry);
    this.repeated =
        Counter.builder("suite.enrich.events.repeated")
            .description(
                "Metric events published again upstream, recognised by their id or sequence")
            .register(registry);
    this.flushes =
        Timer.builder("suite.enrich.store.flush")
            .description("Writing changed entities to the feature store")
            .register(registry);
    Gauge.builder("suite.enrich.entities", entities, PartitionedState::size)
        .description("Entities held in memory")
        .register(registry);
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    MetricRecorded event =
        MetricEventParser.parse(record.value(), Instant.ofEpochMilli(record.timestamp()));
    Instant latestAllowed = Instant.now().plus(maxFuture);
    if (event.timestamp().isAfter(latestAllowed)) {
      throw new InvalidEventException(
          "event time "
              + event.timestamp()
              + " is more than "
              + maxFuture
              + " ahead of now; suite.enrich.features.max-future bounds it");
    }
    EventOrigin origin = originOf(record, event);
    if (event.eventId() == null) {
      event =
          event.withEventId(
              origin.id() != null
                  ? origin.id()
                  : EventIds.of(record.topic(), record.partition(), record.offset()));
    }
    if (!event.entityId().equals(record.key())) {
      rekey(record, event, origin, output);
      return;
    }
    EntityFeatures entity =
        entities.computeIfAbsent(
            record.partition(), event.entityId(), id -> new EntityFeatures(id, settings));
    SourcePosition position =
        new SourcePosition(record.topic(), record.partition(), record.offset());
    ApplyOutcome outcome = entity.apply(event, position, origin, settings, Instant.now());
    if (outcome instanceof ApplyOutcome.Applied applied) {
      entities.changed(record.partition(), entity.entityId());
      publish(record, applied.features(), output);
    } else if (outcome instanceof ApplyOutcome.AlreadyApplied) {
      replayed.increment();
    } else if (outcome instanceof ApplyOutcome.Repeated) {
      repeated.increment();
    } else if (outcome instanceof ApplyOutcome.TooLate late) {
      entities.changed(record.partition(), entity.entityId());
      tooLate.increment();
      if (settings.latePolicy() == FeatureSettings.LatePolicy.DEAD_LETTER) {
        output.deadLetter(record, "too-late", late.reason());
      }
    }
  }

  /** Loads the assigned partitions' entities from the feature store. */
  @Override
  public void partitionsAssigned(Collection<TopicPartition> assigned) {
    for (TopicPartition partition : assigned) {
      entities.assign(
          partition.partition(), store.loadPartition(partition.topic(), partition.partition()));
    }
  }

  @Override
  public void partitionsCaughtUp(Collection<TopicPartition> current) {
    entities.caughtUp(current);
  }

  /**
   * Whether every entity of this instance's partitions is known: false while a restart or rebalance
   * is still applying the events since the last checkpoint, when an entity not held may yet appear.
   */
  public boolean isCurrent() {
    return entities.isCurrent();
  }

  @Override
  public void partitionsRevoked(Collection<TopicPartition> revoked) {
    entities.revoke(revoked);
  }

  /**
   * Captures every entity changed since the last checkpoint and writes them to the feature store on
   * the writer thread, while the stream goes on.
   */
  @Override
  public CompletionStage<Void> checkpoint() {
    List<StoredEntity> changed = entities.drainChanged((id, entity) -> StoredEntity.of(entity));
    if (changed.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> flushes.record(() -> store.save(changed)), writer);
  }

  void stopWriter(@Observes ShutdownEvent event) {
    writer.shutdown();
  }

  /** An entity's features when this instance holds its partition; never blocks. */
  public Optional<FeatureSnapshot> held(String entityId) {
    return entities.find(entityId).map(EntityFeatures::snapshot);
  }

  /** An entity's features as last written to the feature store, e.g. by another instance. */
  public Optional<FeatureSnapshot> stored(String entityId) {
    return store.find(entityId).map(EntityFeatures::snapshot);
  }

  private void publish(
      ConsumerRecord<String, byte[]> record, FeaturesUpdated features, StreamOutput output) {
    output.publish(
        record,
        featuresTopic,
        features.entityId(),
        features,
        new CloudEvent(
            EventIds.of(FeaturesUpdated.TYPE, features.eventId()),
            FeaturesUpdated.TYPE,
            source,
            features.eventTime(),
            features.entityId()));
  }

  /**
   * Features need all of an entity's events on one partition: a record keyed otherwise (or not at
   * all) goes back onto the topic under its entity id.
   */
  private void rekey(
      ConsumerRecord<String, byte[]> record,
      MetricRecorded event,
      EventOrigin origin,
      StreamOutput output) {
    rekeyed.increment();
    CloudEvent cloudEvent = event.cloudEvent(event.eventId(), source);
    output.publish(
        record,
        metricEventsTopic,
        event.entityId(),
        event,
        origin.sequence() == null
            ? cloudEvent
            : cloudEvent.withSequence(origin.source(), origin.sequence()));
  }

  /**
   * What recognises the event when it comes again: the id its producer gave it (in the event, else
   * in {@code ce_id}), and its {@code ce_source} and {@code ce_sequence} when numbered.
   */
  private static EventOrigin originOf(ConsumerRecord<String, byte[]> record, MetricRecorded event) {
    String id =
        event.eventId() != null
            ? event.eventId()
            : CloudEvent.text(record.headers(), CloudEvent.HEADER_ID);
    OptionalLong sequence = CloudEvent.sequence(record.headers());
    String eventSource = CloudEvent.text(record.headers(), CloudEvent.HEADER_SOURCE);
    if (sequence.isPresent() && eventSource != null) {
      return new EventOrigin(id, eventSource, sequence.getAsLong());
    }
    return new EventOrigin(id, null, null);
  }
}
