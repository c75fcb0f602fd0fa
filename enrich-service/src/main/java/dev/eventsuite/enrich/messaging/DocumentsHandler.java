package dev.eventsuite.enrich.messaging;

import dev.eventsuite.enrich.config.EnrichConfig;
import dev.eventsuite.enrich.domain.DocumentChunker;
import dev.eventsuite.enrich.domain.LanguageIdentifier;
import dev.eventsuite.enrich.domain.TextCleaner;
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
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Cleans each document section, cuts it into chunks sized for the embedding model, and publishes
 * them on {@code document-chunks} with the document's metadata, the section's language and each
 * chunk's heading path. Removals are passed on, to remove every chunk of the document.
 */
@ApplicationScoped
public class DocumentsHandler implements RecordHandler {

  private final String chunksTopic;
  private final String source;
  private final DocumentChunker chunker;
  private final LanguageIdentifier languages;

  @Inject
  public DocumentsHandler(SuiteConfig suite, EnrichConfig config, EventPublisher publisher) {
    this.chunksTopic = suite.topics().documentChunks();
    this.source = publisher.source();
    this.chunker =
        new DocumentChunker(
            config.chunks().maxTokens(),
            config.chunks().overlapTokens(),
            new HuggingFaceTokenCountEstimator());
    this.languages = new LanguageIdentifier();
  }

  @Override
  public void handle(ConsumerRecord<String, byte[]> record, StreamOutput output) {
    DocumentEvent event = EventJson.fromBytes(record.value(), DocumentEvent.class);
    if (event instanceof DocumentSectionExtracted section) {
      chunk(record, section, output);
    } else if (event instanceof DocumentRemoved removed) {
      publishRemoval(record, removed, output);
    }
  }

  private void chunk(
      ConsumerRecord<String, byte[]> record,
      DocumentSectionExtracted section,
      StreamOutput output) {
    String cleaned = TextCleaner.clean(section.text());
    List<DocumentChunker.Chunk> chunks = chunker.chunk(cleaned);
    if (chunks.isEmpty() && section.sectionCount() == 1) {
      // A version without text replaces the previous one by leaving nothing to search.
      publishRemoval(
          record,
          new DocumentRemoved(
              section.documentId(), section.metadata().source(), timeOf(record, section)),
          output);
      return;
    }
    String language = languages.identify(cleaned);
    for (int index = 0; index < chunks.size(); index++) {
      DocumentChunker.Chunk chunk = chunks.get(index);
      ChunkPrepared prepared =
          new ChunkPrepared(
              EventIds.of(section.documentId(), section.version(), section.sectionIndex(), index),
              section.documentId(),
              section.version(),
              section.sectionIndex(),
              section.sectionCount(),
              index,
              chunks.size(),
              chunk.text(),
              ContentHash.of(chunk.text()),
              language,
              chunk.headingPath(),
              section.metadata());
      output.publish(
          record,
          chunksTopic,
          prepared.documentId(),
          prepared,
          new CloudEvent(
              prepared.chunkId(),
              ChunkPrepared.TYPE,
              source,
              timeOf(record, section),
              prepared.documentId()));
    }
  }

  private void publishRemoval(
      ConsumerRecord<String, byte[]> record, DocumentRemoved removed, StreamOutput output) {
    output.publish(record, chunksTopic, removed.documentId(), removed, removed.cloudEvent(source));
  }

  /**
   * The section's time as its document states it, else the record's own: both are the same on every
   * replay, and so are the events published.
   */
  private static Instant timeOf(
      ConsumerRecord<String, byte[]> record, DocumentSectionExtracted section) {
    Instant modified = section.metadata().modifiedAt();
    return modified != null ? modified : Instant.ofEpochMilli(record.timestamp());
  }
}
