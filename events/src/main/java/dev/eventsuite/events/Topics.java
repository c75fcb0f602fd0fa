package dev.eventsuite.events;

import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.events.document.ChunkEvent;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.events.object.ObjectChanged;
import java.util.List;

/** The suite's topics with their default names, keys and value types. */
public final class Topics {

  public static final String OBJECT_EVENTS_NAME = "object-events";
  public static final String METRIC_EVENTS_NAME = "metric-events";
  public static final String DOCUMENTS_NAME = "documents";
  public static final String DOCUMENT_CHUNKS_NAME = "document-chunks";
  public static final String FEATURES_NAME = "features";
  public static final String ANOMALIES_NAME = "anomalies";

  /** OCI Object Storage events, CloudEvents 0.1 envelopes as OCI Events writes them. */
  public static final Topic<ObjectChanged> OBJECT_EVENTS =
      new Topic<>(OBJECT_EVENTS_NAME, "object path namespace/bucket/object", ObjectChanged.class);

  /**
   * Metric events, in any of the shapes {@link dev.eventsuite.events.metric.MetricEventParser}
   * accepts.
   */
  public static final Topic<MetricRecorded> METRIC_EVENTS =
      new Topic<>(METRIC_EVENTS_NAME, "entity id", MetricRecorded.class);

  /** Document sections and removals. */
  public static final Topic<DocumentEvent> DOCUMENTS =
      new Topic<>(DOCUMENTS_NAME, "document id", DocumentEvent.class);

  /** Enriched chunks and document removals. */
  public static final Topic<ChunkEvent> DOCUMENT_CHUNKS =
      new Topic<>(DOCUMENT_CHUNKS_NAME, "document id", ChunkEvent.class);

  /** An entity's feature snapshot after each metric event. */
  public static final Topic<FeaturesUpdated> FEATURES =
      new Topic<>(FEATURES_NAME, "entity id", FeaturesUpdated.class);

  /** Anomalies found in the feature stream. */
  public static final Topic<AnomalyDetected> ANOMALIES =
      new Topic<>(ANOMALIES_NAME, "entity id", AnomalyDetected.class);

  private static final String DEAD_LETTER_SUFFIX = "-dlq";

  private Topics() {}

  /** Every topic of the suite, without the dead-letter topics. */
  public static List<Topic<?>> all() {
    return List.of(OBJECT_EVENTS, METRIC_EVENTS, DOCUMENTS, DOCUMENT_CHUNKS, FEATURES, ANOMALIES);
  }

  /** Every topic name of the suite including each one's dead-letter topic. */
  public static List<String> allNamesWithDeadLetters() {
    return all().stream().flatMap(t -> List.of(t.name(), t.deadLetterName()).stream()).toList();
  }

  public static String deadLetterOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
