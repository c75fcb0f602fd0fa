package dev.eventsuite.vectors.store;

/** One change to the vector store; a store applies a list of them in order. */
public sealed interface VectorWrite {

  /** Adds the chunk, or replaces the chunk with the same id. */
  record Upsert(StoredChunk chunk) implements VectorWrite {}

  /**
   * Removes every chunk of the document that belongs to another version: the version is now the
   * document's only one. Applied with the new version's first chunks, so search never sees two.
   */
  record KeepOnlyVersion(String documentId, String version) implements VectorWrite {}

  /** Removes every chunk of the document. */
  record RemoveDocument(String documentId) implements VectorWrite {}
}
