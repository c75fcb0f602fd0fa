package dev.eventsuite.vectors.embedding;

import java.util.List;

/**
 * A text embedding model. Implementations return one unit-length vector per text, in order, and may
 * be called from several threads.
 */
public interface EmbeddingModel {

  /** What the model is: stored with every vector it makes. */
  ModelInfo info();

  /** The most texts one call should carry; callers split larger batches. */
  int maxBatchSize();

  /** Embeds the texts, one vector each, in order. */
  List<float[]> embed(List<String> texts);

  /**
   * Embeds search queries. Models trained for retrieval embed a query differently from a document
   * passage; the others embed both alike.
   */
  default List<float[]> embedQueries(List<String> queries) {
    return embed(queries);
  }
}
