package dev.eventsuite.search.domain;

import dev.eventsuite.vectors.store.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts semantic and keyword hits into one order. Every result's score is the sum of three parts,
 * each reported:
 *
 * <ul>
 *   <li><b>semantic</b>: in semantic mode the cosine similarity (below 0 counts as 0); in hybrid
 *       mode the chunk's reciprocal-rank share {@code 1 / (rrfK + rank)} in the semantic list;
 *   <li><b>keyword</b>: in keyword mode the BM25 score over the best one's; in hybrid mode the
 *       reciprocal-rank share in the keyword list;
 *   <li><b>recency</b>: {@code 0.5 ^ (age / halfLife)} of the document's last change.
 * </ul>
 *
 * In hybrid mode the two rank shares are divided by {@code 2 / (rrfK + 1)}, so a chunk first in
 * both lists has relevance 1. Relevance (semantic + keyword, 0 to 1) and recency are then weighed:
 * {@code score = (1 - recencyWeight) * relevance + recencyWeight * recency}, and the parts reported
 * are the weighed ones, so they add up to the score.
 *
 * @param rrfK reciprocal rank fusion's constant: larger flattens the difference between ranks
 * @param recencyHalfLife the age at which a document's recency is one half
 */
public record Ranking(int rrfK, Duration recencyHalfLife) {

  /** A result in its place: the chunk, its score, and the parts the score is made of. */
  public record Ranked(
      String chunkId,
      String documentId,
      double score,
      double semantic,
      double keyword,
      double recency) {}

  public List<Ranked> rank(
      Mode mode, List<Hit> semanticHits, List<Hit> keywordHits, double recencyWeight, Instant now) {
    Map<String, double[]> parts = new LinkedHashMap<>();
    Map<String, Hit> hits = new LinkedHashMap<>();
    double bestKeyword = keywordHits.stream().mapToDouble(Hit::score).max().orElse(1);
    double rankNorm = 2.0 / (rrfK + 1);
    for (int i = 0; i < semanticHits.size(); i++) {
      Hit hit = semanticHits.get(i);
      double value =
          mode == Mode.HYBRID ? 1.0 / (rrfK + i + 1) / rankNorm : Math.max(0, hit.score());
      hits.putIfAbsent(hit.chunkId(), hit);
      parts.computeIfAbsent(hit.chunkId(), id -> new double[2])[0] = value;
    }
    for (int i = 0; i < keywordHits.size(); i++) {
      Hit hit = keywordHits.get(i);
      double value =
          mode == Mode.HYBRID
              ? 1.0 / (rrfK + i + 1) / rankNorm
              : bestKeyword > 0 ? hit.score() / bestKeyword : 0;
      hits.putIfAbsent(hit.chunkId(), hit);
      parts.computeIfAbsent(hit.chunkId(), id -> new double[2])[1] = value;
    }
    double relevanceWeight = 1 - recencyWeight;
    List<Ranked> ranked = new ArrayList<>(parts.size());
    for (Map.Entry<String, double[]> entry : parts.entrySet()) {
      Hit hit = hits.get(entry.getKey());
      double semantic = relevanceWeight * entry.getValue()[0];
      double keyword = relevanceWeight * entry.getValue()[1];
      double recency = recencyWeight * recency(hit.changedAt(), now);
      ranked.add(
          new Ranked(
              hit.chunkId(),
              hit.documentId(),
              semantic + keyword + recency,
              semantic,
              keyword,
              recency));
    }
    ranked.sort(
        Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::chunkId));
    return ranked;
  }

  /** How recent a document is: 1 now, one half at the half-life, 0 without a time. */
  double recency(Instant changed, Instant now) {
    if (changed == null) {
      return 0;
    }
    double age = Math.max(0, Duration.between(changed, now).toMillis());
    return Math.pow(0.5, age / recencyHalfLife.toMillis());
  }

  /** The best-ranked chunk of each document, in order. */
  public static List<Ranked> bestPerDocument(List<Ranked> ranked) {
    Map<String, Ranked> best = new LinkedHashMap<>();
    for (Ranked each : ranked) {
      best.putIfAbsent(each.documentId(), each);
    }
    return List.copyOf(best.values());
  }
}
