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
  List<Hit> nearest(float[] query, int k, ChunkFilter filter);

  /**
   * The {@code k} chunks that best match the words of the query (BM25 in Lucene, Oracle Text's
   * score in Oracle) among those the filter lets through, best first; each word counts, none is
   * required.
   */
  List<Hit> keyword(String query, int k, ChunkFilter filter);

  /** The chunks with these ids, without vectors, in the order given; missing ones left out. */
  List<StoredChunk> chunks(List<String> chunkIds);

  /**
   * A number that changes whenever what searches see changes; {@code -1} when the store cannot tell
   * cheaply.
   */
  long version();

  /** The chunks of a document, in section and chunk order, without vectors. */
  List<StoredChunk> documentChunks(String documentId);

  /** The distinct documents of the chunks the filter lets through, at most {@code limit}. */
  List<String> documentIds(ChunkFilter filter, int limit);

  /**
   * The ids of the documents in the store that sort after {@code after} (by the bytes of their
   * UTF-8, in both stores), in that order, at most {@code limit}: a walk over the whole store
   * starts with the empty string and goes on after the last id of each page until a page is empty.
   */
  List<String> documentIdsAfter(String after, int limit);

  /** How many chunks the filter lets through. */
  long count(ChunkFilter filter);

  /** Collections with their chunk counts and models. */
  List<CollectionInfo> collections();

  @Override
  void close();
}
