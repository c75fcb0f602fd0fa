package dev.eventsuite.vectors.embedding;

import com.oracle.bmc.generativeaiinference.GenerativeAiInference;
import com.oracle.bmc.generativeaiinference.model.EmbedTextDetails;
import com.oracle.bmc.generativeaiinference.model.OnDemandServingMode;
import com.oracle.bmc.generativeaiinference.requests.EmbedTextRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * OCI Generative AI embeddings (e.g. {@code cohere.embed-english-v3.0}) through the OCI SDK.
 * Documents and queries are embedded as the model's search-document and search-query inputs;
 * retries are {@link HostedCalls}' own, not the SDK's.
 */
public final class OciGenAiEmbeddingModel implements EmbeddingModel {

  /** The most texts one request may carry. */
  public static final int MAX_BATCH = 96;

  private final GenerativeAiInference client;
  private final String compartmentId;
  private final String modelId;
  private final ModelInfo info;
  private final HostedCalls calls;

  public OciGenAiEmbeddingModel(
      GenerativeAiInference client,
      String compartmentId,
      String modelId,
      int dimension,
      HostedCalls calls) {
    this.client = client;
    this.compartmentId = compartmentId;
    this.modelId = modelId;
    this.info = new ModelInfo(modelId, "oci-generative-ai", dimension);
    this.calls = calls;
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
    return embed(texts, EmbedTextDetails.InputType.SearchDocument);
  }

  @Override
  public List<float[]> embedQueries(List<String> queries) {
    return embed(queries, EmbedTextDetails.InputType.SearchQuery);
  }

  private List<float[]> embed(List<String> texts, EmbedTextDetails.InputType type) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += MAX_BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH));
      vectors.addAll(
          calls.call(
              "embedding " + batch.size() + " texts with OCI Generative AI " + modelId,
              () -> request(batch, type)));
    }
    return vectors;
  }

  private List<float[]> request(List<String> texts, EmbedTextDetails.InputType type)
      throws HostedCalls.CallFailed {
    EmbedTextDetails details =
        EmbedTextDetails.builder()
            .compartmentId(compartmentId)
            .servingMode(OnDemandServingMode.builder().modelId(modelId).build())
            .inputs(texts)
            .inputType(type)
            .truncate(EmbedTextDetails.Truncate.End)
            .build();
    List<List<Float>> embeddings;
    try {
      embeddings =
          client
              .embedText(
                  EmbedTextRequest.builder()
                      .embedTextDetails(details)
                      .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                      .build())
              .getEmbedTextResult()
              .getEmbeddings();
    } catch (BmcException e) {
      throw new HostedCalls.CallFailed(
          e.isClientSide() ? 0 : e.getStatusCode(), null, e.getMessage(), e);
    }
    if (embeddings == null || embeddings.size() != texts.size()) {
      throw new EmbeddingException(
          "OCI Generative AI answered "
              + (embeddings == null ? 0 : embeddings.size())
              + " embeddings for "
              + texts.size()
              + " texts");
    }
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (List<Float> values : embeddings) {
      float[] vector = new float[values.size()];
      for (int d = 0; d < vector.length; d++) {
        vector[d] = values.get(d);
      }
      vectors.add(Vectors.normalised(vector));
    }
    return vectors;
  }
}
