package dev.eventsuite.vectors.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.eventsuite.events.ContentHash;
import dev.eventsuite.vectors.config.VectorsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings already computed, keyed by model and the SHA-256 of the text, bounded in size. Texts
 * found here are not embedded again; the rest are embedded in batches the model takes, each
 * distinct text once.
 */
public final class EmbeddingCache {

  /** A cached embedding's key: the model (id and version) and the text's content hash. */
  record Key(String model, String contentHash) {}

  /**
   * What the cache did since it was created.
   *
   * @param hits lookups answered from the cache
   * @param misses lookups that needed the model
   * @param evictions entries dropped to stay within {@code maxEntries}
   * @param entries entries held now (approximately)
   * @param maxEntries the most entries held
   */
  public record Stats(long hits, long misses, long evictions, long entries, long maxEntries) {

    /** Hits over all lookups; 0 before the first. */
    public double hitRate() {
      long lookups = hits + misses;
      return lookups == 0 ? 0 : hits / (double) lookups;
    }
  }

  private static final String QUERY = "#query";

  private final Cache<Key, float[]> cache;
  private final long maxEntries;

  public EmbeddingCache(long maxEntries) {
    this.maxEntries = maxEntries;
    this.cache =
        Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).recordStats().build();
  }

  /**
   * A search query's vector, embedded as the model embeds queries, and cached apart from passages
   * with the same text.
   */
  public float[] embedQuery(EmbeddingModel model, String query) {
    Key key = new Key(model.info().key() + QUERY, ContentHash.of(query));
    // Embedded outside the cache's map: a model run inside its compute would hold a lock of the
    // map, and its resizing would wait for the run, stalling every other lookup meanwhile.
    float[] cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    float[] vector = model.embedQueries(List.of(query)).get(0);
    cache.put(key, vector);
    return vector;
  }

  /** A cache sized as configured, its metrics published as {@code cache_*{cache="name"}}. */
  public static EmbeddingCache create(
      VectorsConfig.Cache config, MeterRegistry registry, String name) {
    EmbeddingCache cache = new EmbeddingCache(config.maxEntries());
    cache.bindTo(registry, name);
    return cache;
  }

  /** The texts' vectors, in order; content hashes are computed here. */
  public List<float[]> embed(EmbeddingModel model, List<String> texts) {
    return embed(model, texts, texts.stream().map(ContentHash::of).toList());
  }

  /**
   * The texts' vectors, in order.
   *
   * @param hashes each text's content hash ({@link ContentHash}), as chunks carry it
   */
  public List<float[]> embed(EmbeddingModel model, List<String> texts, List<String> hashes) {
    if (texts.size() != hashes.size()) {
      throw new IllegalArgumentException("one content hash per text is needed");
    }
    String modelKey = model.info().key();
    List<Key> keys = new ArrayList<>(texts.size());
    for (String hash : hashes) {
      keys.add(new Key(modelKey, hash));
    }
    Map<Key, float[]> found = new LinkedHashMap<>(cache.getAllPresent(keys));
    Map<Key, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!found.containsKey(keys.get(i))) {
        missing.putIfAbsent(keys.get(i), texts.get(i));
      }
    }
    List<Key> missingKeys = new ArrayList<>(missing.keySet());
    List<String> missingTexts = new ArrayList<>(missing.values());
    int batch = Math.max(1, model.maxBatchSize());
    for (int from = 0; from < missingKeys.size(); from += batch) {
      int to = Math.min(missingKeys.size(), from + batch);
      List<float[]> vectors = model.embed(missingTexts.subList(from, to));
      for (int i = from; i < to; i++) {
        float[] vector = vectors.get(i - from);
        found.put(missingKeys.get(i), vector);
        cache.put(missingKeys.get(i), vector);
      }
    }
    List<float[]> result = new ArrayList<>(keys.size());
    for (Key key : keys) {
      result.add(found.get(key));
    }
    return result;
  }

  public Stats stats() {
    CacheStats stats = cache.stats();
    return new Stats(
        stats.hitCount(),
        stats.missCount(),
        stats.evictionCount(),
        cache.estimatedSize(),
        maxEntries);
  }

  /** Forgets every embedding; the counts stay. */
  public void clear() {
    cache.invalidateAll();
    cache.cleanUp();
  }

  /** Publishes hits, misses, evictions and size as {@code cache_*} metrics named {@code name}. */
  public void bindTo(MeterRegistry registry, String name) {
    CaffeineCacheMetrics.monitor(registry, cache, name);
  }
}
