package dev.eventsuite.search.service;

import dev.eventsuite.search.domain.Mode;
import dev.eventsuite.vectors.store.ChunkFilter;
import java.util.Objects;

/**
 * A validated search.
 *
 * @param query the words or question
 * @param k results per page
 * @param filter which chunks may be found
 * @param mode semantic, keyword or hybrid
 * @param recencyWeight how much recency counts against relevance, 0 to 1
 * @param minScore results scoring below are left out; null for none
 * @param groupByDocument only the best chunk of each document
 * @param offset results on earlier pages
 */
public record SearchQuery(
    String query,
    int k,
    ChunkFilter filter,
    Mode mode,
    double recencyWeight,
    Double minScore,
    boolean groupByDocument,
    int offset) {

  /** What pages of one search share: everything but the page size and position. */
  public long fingerprint() {
    return Objects.hash(query, filter, mode, recencyWeight, minScore, groupByDocument)
        & 0xffffffffL;
  }
}
