package dev.eventsuite.embed.domain;

import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.vectors.store.StoredChunk;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chunks from {@code document-chunks} as the vector store keeps them. */
public final class ChunkRecords {

  /** The collection of documents that name none. */
  public static final String DEFAULT_COLLECTION = "documents";

  private ChunkRecords() {}

  /** The chunk with its embedding, made by the model with the given key. */
  public static StoredChunk stored(ChunkPrepared chunk, float[] vector, String model) {
    DocumentMetadata document = chunk.metadata();
    return new StoredChunk(
        chunk.chunkId(),
        document.collection() != null ? document.collection() : DEFAULT_COLLECTION,
        chunk.documentId(),
        chunk.version(),
        chunk.sectionIndex(),
        chunk.chunkIndex(),
        chunk.text(),
        chunk.contentHash(),
        document.title(),
        document.category(),
        source(document),
        document.contentType(),
        chunk.language(),
        document.createdAt(),
        document.modifiedAt(),
        metadata(chunk),
        model,
        vector);
  }

  /** Where the document lives: {@code bucket/object} for objects, else its own source. */
  static String source(DocumentMetadata document) {
    if (document.bucket() != null && document.objectName() != null) {
      return document.bucket() + "/" + document.objectName();
    }
    return document.source();
  }

  /**
   * What a search may filter on besides the fixed fields: the document's user metadata, its tags
   * (which win over metadata of the same name), and the headings the chunk sits under.
   */
  static Map<String, String> metadata(ChunkPrepared chunk) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (chunk.metadata().userMetadata() != null) {
      metadata.putAll(chunk.metadata().userMetadata());
    }
    if (chunk.metadata().tags() != null) {
      metadata.putAll(chunk.metadata().tags());
    }
    if (!chunk.headingPath().isEmpty()) {
      metadata.put("headings", String.join(" > ", chunk.headingPath()));
    }
    return metadata;
  }
}
