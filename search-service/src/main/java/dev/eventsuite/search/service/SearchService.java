package dev.eventsuite.search.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventsuite.platform.http.Problem;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.search.config.SearchConfig;
import dev.eventsuite.search.domain.Mode;
import dev.eventsuite.search.domain.Ranking;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.CollectionInfo;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs searches: the query embedded with the model the store was built with (through the cache),
 * semantic and keyword hits from the store, ranked, grouped and paged; answers are reused until the
 * index changes or they age.
 */
@Singleton
public class SearchService {

  /** A result: where it ranked, and the chunk. */
  public record Found(Ranking.Ranked ranked, StoredChunk chunk) {}

  /** One page of results. */
  public record Page(List<Found> results, Integer nextOffset) {}

  private record CacheKey(SearchQuery query, long storeVersion) {}

  private final EmbeddingModel model;
  private final EmbeddingCache embeddings;
  private final VectorStore store;
  private final Ranking ranking;
  private final SearchConfig config;
  private final Cache<CacheKey, Page> answers;
  private volatile CollectionModels collectionModels =
      new CollectionModels(Long.MIN_VALUE, 0, Map.of());

  /** Which model each collection was built with, as of a store version (or a time, in Oracle). */
  private record CollectionModels(
      long storeVersion, long readAtNanos, Map<String, String> models) {}

  private static final long UNVERSIONED_REFRESH_NANOS = 30_000_000_000L;

  @Inject
  public SearchService(
      EmbeddingModel model,
      EmbeddingCache embeddings,
      VectorStore store,
      SearchConfig config,
      MeterRegistry registry) {
    this.model = model;
    this.embeddings = embeddings;
    this.store = store;
    this.config = config;
    this.ranking = new Ranking(config.rrfK(), config.recencyHalfLife());
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(config.resultCache().maxEntries())
            .expireAfterWrite(config.resultCache().ttl())
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, answers, "search-results");
  }

  public Page search(SearchQuery query) {
    long version = store.version();
    checkModel(query, version);
    // Searched outside the cache's map, as the query embedding is: a search inside its compute
    // would hold a lock of the map and stall other queries whenever the map resizes.
    CacheKey key = new CacheKey(query, version);
    Page cached = answers.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Page page = run(query);
    answers.put(key, page);
    return page;
  }

  private Page run(SearchQuery query) {
    int depth = Math.min(query.offset() + query.k(), config.maxResults());
    // Fusion and grouping need more than a page from each list; semantic search alone needs one
    // more than the page, to tell whether another follows.
    int candidates =
        query.mode() == Mode.SEMANTIC && !query.groupByDocument() && query.minScore() == null
            ? depth + 1
            : Math.max(config.candidates(), query.groupByDocument() ? depth * 4 : depth + 1);
    List<Hit> semantic =
        query.mode() == Mode.KEYWORD
            ? List.of()
            : store.nearest(
                embeddings.embedQuery(model, query.query()), candidates, query.filter());
    List<Hit> keyword =
        query.mode() == Mode.SEMANTIC
            ? List.of()
            : store.keyword(query.query(), candidates, query.filter());
    List<Ranking.Ranked> ranked =
        ranking.rank(query.mode(), semantic, keyword, query.recencyWeight(), Instant.now());
    if (query.minScore() != null) {
      ranked = ranked.stream().filter(r -> r.score() >= query.minScore()).toList();
    }
    if (query.groupByDocument()) {
      ranked = Ranking.bestPerDocument(ranked);
    }
    int from = Math.min(query.offset(), ranked.size());
    int to = Math.min(ranked.size(), depth);
    boolean more = ranked.size() > to && to < config.maxResults();
    List<Ranking.Ranked> page = ranked.subList(from, to);
    Map<String, StoredChunk> chunks =
        store.chunks(page.stream().map(Ranking.Ranked::chunkId).toList()).stream()
            .collect(Collectors.toMap(StoredChunk::chunkId, c -> c));
    List<Found> found =
        page.stream()
            .filter(r -> chunks.containsKey(r.chunkId()))
            .map(r -> new Found(r, chunks.get(r.chunkId())))
            .toList();
    return new Page(found, more ? to : null);
  }

  /**
   * A collection is searched with the model it was built with: a query embedded by another model
   * would compare vectors that mean nothing to each other.
   */
  private void checkModel(SearchQuery query, long version) {
    String collection = query.filter().collection();
    if (collection == null || query.mode() == Mode.KEYWORD) {
      return;
    }
    Optional.ofNullable(models(version).get(collection))
        .filter(built -> !built.equals(model.info().key()))
        .ifPresent(
            built -> {
              throw new ProblemException(
                  Problem.of(
                      409,
                      "model-mismatch",
                      "Conflict",
                      "collection '"
                          + collection
                          + "' was embedded with "
                          + built
                          + "; this service embeds queries with "
                          + model.info().key()
                          + ": search it with keyword mode, or re-embed it"));
            });
  }

  private Map<String, String> models(long version) {
    CollectionModels known = collectionModels;
    long now = System.nanoTime();
    boolean stale =
        version == -1
            ? now - known.readAtNanos() > UNVERSIONED_REFRESH_NANOS
            : known.storeVersion() != version;
    if (stale) {
      Map<String, String> models =
          store.collections().stream()
              .filter(c -> c.model() != null)
              .collect(Collectors.toMap(CollectionInfo::name, CollectionInfo::model));
      known = new CollectionModels(version, now, models);
      collectionModels = known;
    }
    return known.models();
  }
}
