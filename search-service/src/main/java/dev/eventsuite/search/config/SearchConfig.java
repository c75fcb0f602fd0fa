package dev.eventsuite.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** search-service's own configuration; the model, cache and store are {@code suite.vectors.*}. */
@ConfigMapping(prefix = "suite.search")
public interface SearchConfig {

  /** Results per page when the request gives no {@code k}. */
  @WithDefault("10")
  int defaultK();

  /** How deep pages may go: a cursor ends before this many results. */
  @WithDefault("200")
  int maxResults();

  /** Chunks each list (semantic, keyword) brings at least, before fusion and grouping. */
  @WithDefault("50")
  int candidates();

  /**
   * Reciprocal rank fusion's constant in hybrid mode: smaller weighs the first ranks of each list
   * more (see the retrieval benchmark).
   */
  @WithDefault("10")
  int rrfK();

  /** The age at which a document's recency is one half. */
  @WithDefault("30d")
  Duration recencyHalfLife();

  /** Characters of a result's snippet. */
  @WithDefault("240")
  int snippetChars();

  /** The result cache. */
  ResultCache resultCache();

  /** The rate limit, per API key. */
  RateLimit rateLimit();

  /** Where the web page's upload form sends files: ingest-service's base URL as browsers see it. */
  @WithDefault("http://localhost:8081")
  String ingestUrl();

  /** Recent answers, dropped when the index changes. */
  interface ResultCache {

    /** How long an answer is reused at most. */
    @WithDefault("30s")
    Duration ttl();

    /** The most answers kept. */
    @WithDefault("10000")
    long maxEntries();
  }

  /** Requests per second and burst allowed to one key. */
  interface RateLimit {

    /** Requests per second one key may send, sustained. */
    @WithDefault("200")
    double requestsPerSecond();

    /** Requests one key may send at once after a quiet spell. */
    @WithDefault("400")
    int burst();
  }
}
