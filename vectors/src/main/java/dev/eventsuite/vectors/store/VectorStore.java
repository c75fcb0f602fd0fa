package dev.eventsuite.vectors.store;

import java.util.List;

/**
 * Chunks with their embeddings, searchable by similarity and filtered by metadata. Two
 * implementations pass the same contract: an embedded Lucene index and Oracle Database 23ai.
 */
public interface VectorStore extends AutoCloseable {

  /**
   * Applies the writes in order. They become visible to searches together, at the latest when
   * {@link #commit()} returns.
   */
  void apply(List<VectorWrite> writes);

  /** Makes everything applied so far durable and visible. */
  void commit();

  /**
   * The {@code k} chunks nearest to the query vector by cosine similarity among those the filter
   * lets through, nearest first.
   */
  List<ScoredChunk> nearest(float[] query, int k, ChunkFilter filter);

  /** The chunks of a document, in section and chunk order, without vectors. */
  List<StoredChunk> documentChunks(String documentId);

  /** How many chunks the filter lets through. */
  long count(ChunkFilter filter);

  /** Collections with their chunk counts and models. */
  List<CollectionInfo> collections();

  @Override
  void close();
}
