package dev.eventsuite.vectors.store;

/**
 * A chunk a search found.
 *
 * @param chunk the chunk, without its vector
 * @param score cosine similarity to the query for semantic search (-1 to 1), BM25 for keyword
 *     search
 */
public record ScoredChunk(StoredChunk chunk, double score) {}
