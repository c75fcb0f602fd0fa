package dev.eventsuite.enrich.messaging;

import dev.eventsuite.enrich.config.EnrichConfig;
import dev.eventsuite.enrich.domain.ApplyOutcome;
import dev.eventsuite.enrich.domain.EntityFeatures;
import dev.eventsuite.enrich.domain.FeatureSettings;
import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns each metric event into the entity's feature snapshot on {@code features}. State is kept per
 * assigned partition; every entity remembers the position of the last event it applied, so a replay
 * changes nothing.
 */
@ApplicationScoped
public class MetricEventsHandler implements RecordHandler {

  private final FeatureSettings settings;
  private final String metricEventsTopic;
  private final String featuresTopic;
  private final String source;
  private final Map<Integer, Map<String, EntityFeatures>> entitiesByPartition =
      new ConcurrentHashMap<>();
  private final Counter tooLate;
  private final Counter rekeyed;

  @Inject
  public MetricEventsHandler(
      EnrichConfig config, SuiteConfig suite, EventPublisher publisher, MeterRegistry registry) {
    this.settings = config.features().settings();
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
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    MetricRecorded event =
        MetricEventParser.parse(record.value(), Instant.ofEpochMilli(record.timestamp()));
    if (event.eventId() == null) {
      event = event.withEventId(idOf(record));
    }
    if (!event.entityId().equals(record.key())) {
      rekey(record, event, output);
      return;
    }
    EntityFeatures entity =
        entitiesByPartition
            .computeIfAbsent(record.partition(), p -> new HashMap<>())
            .computeIfAbsent(event.entityId(), id -> new EntityFeatures(id, settings));
    SourcePosition position =
        new SourcePosition(record.topic(), record.partition(), record.offset());
    ApplyOutcome outcome = entity.apply(event, position, settings, Instant.now());
    if (outcome instanceof ApplyOutcome.Applied applied) {
      publish(record, applied.features(), output);
    } else if (outcome instanceof ApplyOutcome.TooLate late) {
      tooLate.increment();
      if (settings.latePolicy() == FeatureSettings.LatePolicy.DEAD_LETTER) {
        output.deadLetter(record, "too-late", late.reason());
      }
    }
  }

  @Override
  public void partitionsRevoked(Collection<TopicPartition> partitions) {
    partitions.forEach(p -> entitiesByPartition.remove(p.partition()));
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
      ConsumerRecord<String, byte[]> record, MetricRecorded event, StreamOutput output) {
    rekeyed.increment();
    output.publish(
        record,
        metricEventsTopic,
        event.entityId(),
        event,
        new CloudEvent(
            event.eventId(), MetricRecorded.TYPE, source, event.timestamp(), event.entityId()));
  }

  /** The id of an event that came without one: its CloudEvents id, else its position. */
  private static String idOf(ConsumerRecord<String, byte[]> record) {
    String ceId = CloudEvent.text(record.headers(), CloudEvent.HEADER_ID);
    return ceId != null ? ceId : EventIds.of(record.topic(), record.partition(), record.offset());
  }
}
