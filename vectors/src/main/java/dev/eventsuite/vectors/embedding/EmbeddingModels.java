package dev.eventsuite.vectors.embedding;

import com.oracle.bmc.generativeaiinference.GenerativeAiInferenceClient;
import dev.eventsuite.oci.OciAuthentication;
import dev.eventsuite.oci.OciClients;
import dev.eventsuite.oci.OciConfig;
import dev.eventsuite.vectors.config.VectorsConfig;
import java.time.Duration;

/** The embedding model the configuration chooses. */
public final class EmbeddingModels {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  private EmbeddingModels() {}

  public static EmbeddingModel create(VectorsConfig.Model config, OciConfig oci) {
    return create(config.name(), config, oci);
  }

  /** The model of this kind, with the configuration's other settings. */
  public static EmbeddingModel create(
      VectorsConfig.ModelKind kind, VectorsConfig.Model config, OciConfig oci) {
    HostedCalls calls = new HostedCalls(config.maxAttempts(), FIRST_BACKOFF, config.maxBackoff());
    int threads = config.threads().orElse(Runtime.getRuntime().availableProcessors());
    return switch (kind) {
      case ALL_MINILM_L6_V2 -> new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.FP32, threads);
      case ALL_MINILM_L6_V2_INT8 ->
          new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.INT8, threads);
      case BGE_SMALL_EN_V15 ->
          new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15, threads);
      case BGE_SMALL_EN_V15_INT8 ->
          new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_INT8, threads);
      case E5_SMALL_V2_INT8 ->
          new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.E5_SMALL_V2_INT8, threads);
      case OPENAI ->
          new OpenAiCompatibleEmbeddingModel(
              config.openai().baseUrl(),
              config.openai().apiKey(),
              config.openai().model(),
              config.openai().dimension(),
              config.openai().maxBatch(),
              calls);
      case OCI_GENAI -> ociGenAi(config.ociGenai(), oci, calls);
    };
  }

  private static EmbeddingModel ociGenAi(
      VectorsConfig.OciGenAi config, OciConfig oci, HostedCalls calls) {
    String compartment =
        config
            .compartmentId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "suite.vectors.model.oci-genai.compartment-id is required for OCI Generative AI"));
    return new OciGenAiEmbeddingModel(
        OciClients.located(GenerativeAiInferenceClient.builder(), oci.region(), config.endpoint())
            .build(OciAuthentication.provider(oci)),
        compartment,
        config.modelId(),
        config.dimension(),
        calls);
  }
}
