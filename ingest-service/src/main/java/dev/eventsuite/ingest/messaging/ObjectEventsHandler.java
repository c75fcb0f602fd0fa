package dev.eventsuite.ingest.messaging;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.events.object.ObjectChanged;
import dev.eventsuite.events.object.OciEventParseResult;
import dev.eventsuite.events.object.OciObjectEvents;
import dev.eventsuite.ingest.service.IngestOutput;
import dev.eventsuite.ingest.service.ObjectIngestor;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.platform.kafka.PreparedEvent;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads OCI Object Storage events from {@code object-events} (written there by OCI Events, the
 * events endpoint, the upload API or the local bucket watcher) and ingests each object.
 */
@ApplicationScoped
public class ObjectEventsHandler implements RecordHandler {

  private final ObjectIngestor ingestor;
  private final String metricEventsTopic;
  private final String documentsTopic;
  private final String source;

  @Inject
  public ObjectEventsHandler(ObjectIngestor ingestor, SuiteConfig suite, EventPublisher publisher) {
    this.ingestor = ingestor;
    this.metricEventsTopic = suite.topics().metricEvents();
    this.documentsTopic = suite.topics().documents();
    this.source = publisher.source();
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    OciEventParseResult result = OciObjectEvents.parse(record.value());
    if (result instanceof OciEventParseResult.Rejected rejected) {
      throw new InvalidEventException(rejected.reason());
    }
    if (result instanceof OciEventParseResult.Accepted accepted) {
      try {
        ingestor.ingest(accepted.event(), new Output(record, accepted.event(), output));
      } catch (IOException e) {
        // The store did not answer: the loop retries, then dead-letters the event.
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Publishes what ingesting one object produces, tied to the object event it came from. */
  private final class Output implements IngestOutput {

    private final ConsumerRecord<String, byte[]> record;
    private final ObjectChanged event;
    private final StreamOutput output;

    Output(ConsumerRecord<String, byte[]> record, ObjectChanged event, StreamOutput output) {
      this.record = record;
      this.event = event;
      this.output = output;
    }

    /** The row's source is the object's version: {@code <source>/objects/<path>@<eTag>}. */
    @Override
    public PreparedEvent prepareMetric(MetricRecorded metric, String id, String version, long row) {
      return PreparedEvent.of(
          metricEventsTopic,
          metric.entityId(),
          metric,
          metric.cloudEvent(id, source).withSequence(source + "/objects/" + version, row));
    }

    @Override
    public void publish(PreparedEvent prepared) {
      output.publish(record, prepared);
    }

    @Override
    public void section(DocumentSectionExtracted section) {
      output.publish(
          record,
          documentsTopic,
          section.documentId(),
          section,
          new CloudEvent(
              EventIds.of(
                  DocumentSectionExtracted.TYPE,
                  section.documentId(),
                  section.version(),
                  section.sectionIndex()),
              DocumentSectionExtracted.TYPE,
              source,
              section.metadata().modifiedAt() != null
                  ? section.metadata().modifiedAt()
                  : Instant.ofEpochMilli(record.timestamp()),
              section.documentId()));
    }

    @Override
    public void removal(DocumentRemoved removal) {
      output.publish(
          record,
          documentsTopic,
          removal.documentId(),
          removal,
          new CloudEvent(
              EventIds.of(DocumentRemoved.TYPE, removal.documentId(), event.eventId()),
              DocumentRemoved.TYPE,
              source,
              removal.removedAt(),
              removal.documentId()));
    }

    @Override
    public void rejectObject(String errorType, String reason) {
      output.deadLetter(record, errorType, reason, "object " + event.objectPath(), null);
    }

    @Override
    public void rejectRow(long row, String reason, byte[] raw) {
      output.deadLetter(
          record, "invalid-row", reason, "row " + row + " of " + event.objectPath(), raw);
    }

    @Override
    public void flush() {
      output.flush();
    }

    @Override
    public CompletionStage<Void> acknowledged() {
      return output.acknowledged();
    }
  }
}
