package dev.eventsuite.enrich.messaging;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.platform.kafka.RecordHandler;
import dev.eventsuite.platform.kafka.StreamOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns document sections into chunks on {@code document-chunks}, and passes removals on. */
@ApplicationScoped
public class DocumentsHandler implements RecordHandler {

  private final String chunksTopic;
  private final String source;

  @Inject
  public DocumentsHandler(SuiteConfig suite, EventPublisher publisher) {
    this.chunksTopic = suite.topics().documentChunks();
    this.source = publisher.source();
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    DocumentEvent event = EventJson.fromBytes(record.value(), DocumentEvent.class);
    if (event instanceof DocumentSectionExtracted section) {
      ChunkPrepared chunk = wholeSection(section);
      output.publish(
          record,
          chunksTopic,
          chunk.documentId(),
          chunk,
          new CloudEvent(
              chunk.chunkId(), ChunkPrepared.TYPE, source, Instant.now(), chunk.documentId()));
    } else if (event instanceof DocumentRemoved removed) {
      output.publish(
          record,
          chunksTopic,
          removed.documentId(),
          removed,
          new CloudEvent(
              EventIds.of(DocumentRemoved.TYPE, removed.documentId(), removed.removedAt()),
              DocumentRemoved.TYPE,
              source,
              removed.removedAt(),
              removed.documentId()));
    }
  }

  private static ChunkPrepared wholeSection(DocumentSectionExtracted section) {
    return new ChunkPrepared(
        EventIds.of(section.documentId(), section.version(), section.sectionIndex(), 0),
        section.documentId(),
        section.version(),
        section.sectionIndex(),
        section.sectionCount(),
        0,
        1,
        section.text(),
        ContentHash.of(section.text()),
        null,
        List.of(),
        section.metadata());
  }
}
