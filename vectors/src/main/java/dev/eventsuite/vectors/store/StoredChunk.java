package dev.eventsuite.vectors.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A chunk as the vector store holds it: its text, where it comes from, and its embedding.
 *
 * @param chunkId stable across replays; the store's key
 * @param collection the collection it belongs to (a bucket, by default)
 * @param documentId the document it was cut from
 * @param documentVersion the document version; a newer version replaces every chunk of the older
 * @param sectionIndex the document section it was cut from
 * @param chunkIndex its position within the section
 * @param text the chunk's text
 * @param contentHash SHA-256 of the text, hex
 * @param title the document's title
 * @param category the document's category; null when it has none
 * @param source where the document lives: {@code bucket/object} for objects
 * @param contentType the document's media type
 * @param language ISO 639-1 code of the chunk's language; null when unknown
 * @param createdAt when the document was created
 * @param updatedAt when the document was last changed
 * @param metadata the document's user metadata and tags, and what ingestion added
 * @param model the embedding model's id and version ({@code ModelInfo.key()})
 * @param vector the embedding, unit length; null when read back without it
 */
public record StoredChunk(
    String chunkId,
    String collection,
    String documentId,
    String documentVersion,
    int sectionIndex,
    int chunkIndex,
    String text,
    String contentHash,
    String title,
    String category,
    String source,
    String contentType,
    String language,
    Instant createdAt,
    Instant updatedAt,
    Map<String, String> metadata,
    String model,
    float[] vector) {

  public StoredChunk {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(documentVersion, "documentVersion");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(model, "model");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The same chunk with this vector, embedded by this model. */
  public StoredChunk embeddedAs(float[] vector, String model) {
    return new StoredChunk(
        chunkId,
        collection,
        documentId,
        documentVersion,
        sectionIndex,
        chunkIndex,
        text,
        contentHash,
        title,
        category,
        source,
        contentType,
        language,
        createdAt,
        updatedAt,
        metadata,
        model,
        vector);
  }

  /** The same chunk without its vector. */
  public StoredChunk withoutVector() {
    return embeddedAs(null, model);
  }
}
