package dev.eventsuite.vectors.store;

/**
 * A chunk a search found.
 *
 * @param chunk the chunk, without its vector
 * @param score cosine similarity to the query for semantic search (-1 to 1); for keyword search the
 *     store's relevance score (BM25 in Lucene), comparable only within one result list
 */
public record ScoredChunk(StoredChunk chunk, double score) {}
