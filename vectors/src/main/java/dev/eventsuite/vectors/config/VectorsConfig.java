package dev.eventsuite.vectors.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedding model, its cache and the vector store, as embed-service and search-service share
 * them.
 */
@ConfigMapping(prefix = "suite.vectors")
public interface VectorsConfig {

  /** The embedding model. */
  Model model();

  /** The embedding cache. */
  Cache cache();

  /** Which vector store: {@code lucene} (embedded, the default) or {@code oracle}. */
  @WithDefault("lucene")
  StoreKind store();

  /** The embedded Lucene index. */
  Lucene lucene();

  /** Oracle Database 23ai; its connection is the {@code oracle} datasource. */
  Oracle oracle();

  /** The models that run in the process. */
  enum ModelKind {
    /** all-MiniLM-L6-v2, 32-bit floats. */
    ALL_MINILM_L6_V2,
    /** all-MiniLM-L6-v2 with 8-bit integer weights: faster, slightly less exact. */
    ALL_MINILM_L6_V2_INT8
  }

  /** The vector stores. */
  enum StoreKind {
    LUCENE,
    ORACLE
  }

  /** The embedding model. */
  interface Model {

    /** {@code all-minilm-l6-v2} or {@code all-minilm-l6-v2-int8}. */
    @WithDefault("all-minilm-l6-v2")
    ModelKind name();
  }

  /** The embedding cache. */
  interface Cache {

    /** The most embeddings kept (each about 1.6 KB at 384 dimensions). */
    @WithDefault("100000")
    long maxEntries();
  }

  /** The embedded Lucene index. */
  interface Lucene {

    /** The index folder, written by embed-service and read by search-service. */
    @WithDefault("${suite.data-dir}/vectors")
    Path directory();

    /** How often embed-service commits, making new chunks visible to searches. */
    @WithDefault("1s")
    Duration commitInterval();

    /** How often a reader looks for a newer commit. */
    @WithDefault("200ms")
    Duration refreshInterval();

    /** Candidates a similarity search explores at least (HNSW's ef): more is slower and closer. */
    @WithDefault("100")
    int candidates();
  }

  /** Oracle Database 23ai. */
  interface Oracle {

    /** The accuracy, in percent, approximate searches ask of the vector index. */
    @WithDefault("95")
    int targetAccuracy();
  }
}
