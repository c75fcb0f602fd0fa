package dev.eventsuite.vectors.store;

import java.time.Instant;

/**
 * A chunk a search found, with what ranking needs and no more; {@link VectorStore#chunks} reads the
 * chunks of the hits that are shown.
 *
 * @param chunkId the chunk
 * @param documentId its document
 * @param changedAt when its document last changed (created, if never updated); null when unknown
 * @param score cosine similarity to the query for semantic search (-1 to 1); for keyword search the
 *     store's relevance score (BM25 in Lucene), comparable only within one result list
 */
public record Hit(String chunkId, String documentId, Instant changedAt, double score) {}
