package dev.eventsuite.events.document;

import java.util.List;
import java.util.Objects;

/**
 * A chunk of a document, cleaned and sized for the embedding model.
 *
 * @param chunkId stable across replays: derived from document id, version, section and index
 * @param documentId the document's stable id
 * @param version the document version the chunk belongs to; chunks of other versions are replaced
 * @param sectionIndex the section the chunk was cut from
 * @param sectionCount how many sections the version has
 * @param chunkIndex the chunk's position within its section, from 0
 * @param chunkCount how many chunks the section gave
 * @param text the chunk's text
 * @param contentHash SHA-256 of the text, hex: unchanged text needs no new embedding
 * @param language ISO 639-1 code of the detected language; null when unknown
 * @param headingPath the headings the chunk sits under, outermost first; empty when unknown
 * @param metadata the document's metadata
 */
public record ChunkPrepared(
    String chunkId,
    String documentId,
    String version,
    int sectionIndex,
    int sectionCount,
    int chunkIndex,
    int chunkCount,
    String text,
    String contentHash,
    String language,
    List<String> headingPath,
    DocumentMetadata metadata)
    implements ChunkEvent {

  public static final String TYPE = "dev.eventsuite.document.chunk-prepared";

  public ChunkPrepared {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(metadata, "metadata");
    headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
  }
}
