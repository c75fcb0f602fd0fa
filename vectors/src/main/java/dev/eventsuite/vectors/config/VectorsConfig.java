package dev.eventsuite.vectors.config;

import dev.eventsuite.vectors.store.oracle.OracleVectorTables;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

  /**
   * A second index embed-service fills with another model while searches keep using the first: how
   * a deployment changes its model without downtime.
   */
  Shadow shadow();

  /** The embedding models. */
  enum ModelKind {
    /** all-MiniLM-L6-v2 in the process, 32-bit floats. */
    ALL_MINILM_L6_V2,
    /**
     * all-MiniLM-L6-v2 in the process with 8-bit integer weights: as good on the STS Benchmark and
     * several times faster on a CPU.
     */
    ALL_MINILM_L6_V2_INT8,
    /** BAAI's bge-small-en-v1.5 in the process, 32-bit floats; queries get its instruction. */
    BGE_SMALL_EN_V15,
    /**
     * bge-small-en-v1.5 in the process with 8-bit integer weights: the default, the best of these
     * on retrieval, as good as its 32-bit build.
     */
    BGE_SMALL_EN_V15_INT8,
    /**
     * intfloat's e5-small-v2 in the process with 8-bit integer weights; queries and passages get
     * its prefixes.
     */
    E5_SMALL_V2_INT8,
    /** OCI Generative AI embeddings. */
    OCI_GENAI,
    /** Any endpoint that speaks the OpenAI embeddings API. */
    OPENAI
  }

  /** The vector stores. */
  enum StoreKind {
    LUCENE,
    ORACLE
  }

  /** The embedding model. */
  interface Model {

    /**
     * {@code bge-small-en-v15-int8} (in the process, the default), {@code bge-small-en-v15} (the
     * same in 32-bit floats), {@code all-minilm-l6-v2-int8}, {@code all-minilm-l6-v2}, {@code
     * e5-small-v2-int8} (in the process, 384 dimensions too), {@code oci-genai} or {@code openai}.
     * The vector store's dimension must match the model's.
     */
    @WithDefault("bge-small-en-v15-int8")
    ModelKind name();

    /**
     * Threads one call of an in-process model runs on: by default the machine's cores, best for
     * batches; 1 suits many concurrent single queries.
     */
    Optional<Integer> threads();

    /** How many times a call to a hosted model is tried before its texts are given up. */
    @WithDefault("5")
    int maxAttempts();

    /** The longest pause between two tries of a hosted model. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** OCI Generative AI; authentication is {@code suite.oci.*}. */
    OciGenAi ociGenai();

    /** An OpenAI-compatible endpoint. */
    OpenAi openai();
  }

  /** OCI Generative AI embeddings. */
  interface OciGenAi {

    /** The model, e.g. {@code cohere.embed-english-v3.0}. */
    @WithDefault("cohere.embed-english-v3.0")
    String modelId();

    /** The length of the model's vectors. */
    @WithDefault("1024")
    int dimension();

    /** The compartment the calls are made in. */
    Optional<String> compartmentId();

    /** An endpoint other than the region's inference endpoint. */
    Optional<String> endpoint();
  }

  /** An OpenAI-compatible embeddings endpoint. */
  interface OpenAi {

    /** The API's base URL, e.g. {@code https://api.openai.com/v1}. */
    @WithDefault("https://api.openai.com/v1")
    URI baseUrl();

    /** The key sent as a bearer token; none for local servers. */
    Optional<String> apiKey();

    /** The model, e.g. {@code text-embedding-3-small}. */
    @WithDefault("text-embedding-3-small")
    String model();

    /** The length of the model's vectors. */
    @WithDefault("1536")
    int dimension();

    /** The most texts one request carries. */
    @WithDefault("256")
    int maxBatch();
  }

  /**
   * The shadow index: every chunk of the store re-embedded with another model, and every chunk the
   * stream brings written to both. The model's other settings (threads, hosted endpoints) are
   * {@code suite.vectors.model.*}.
   */
  interface Shadow {

    /** The model the shadow index is embedded with; none: no shadow index. */
    Optional<ModelKind> model();

    /** The shadow's Lucene index folder, required with the Lucene store. */
    Optional<Path> luceneDirectory();

    /**
     * The shadow's Oracle table, required with the Oracle store: an unquoted identifier, made by
     * embed-service with the shadow model's dimension.
     */
    Optional<String> oracleTable();
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
    @WithDefault("500ms")
    Duration commitInterval();

    /** How often a reader looks for a newer commit. */
    @WithDefault("200ms")
    Duration refreshInterval();

    /** Candidates a similarity search explores at least (HNSW's ef): more is slower and closer. */
    @WithDefault("150")
    int candidates();

    /**
     * How long embed-service waits without new chunks before it merges the index into {@link
     * #mergedSegments} (0: never): a search walks every segment, so a merged index answers faster.
     */
    @WithDefault("30s")
    Duration mergeWhenIdle();

    /** The segments such a merge leaves. */
    @WithDefault("1")
    int mergedSegments();
  }

  /** Oracle Database 23ai. */
  interface Oracle {

    /** The accuracy, in percent, approximate searches ask of the vector index. */
    @WithDefault("95")
    int targetAccuracy();

    /**
     * The table of chunks and vectors: {@code vector_chunks}, made by the services' migrations, or
     * a table a shadow index was filled into, which embed-service makes when missing.
     */
    @WithDefault(OracleVectorTables.DEFAULT_TABLE)
    String table();
  }
}
