package dev.eventsuite.vectors.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Any embedding endpoint that speaks the OpenAI API ({@code POST {base}/embeddings} with {@code
 * model} and {@code input}): OpenAI, Azure OpenAI, vLLM, Ollama, LocalAI and others.
 */
public final class OpenAiCompatibleEmbeddingModel implements EmbeddingModel {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI endpoint;
  private final Optional<String> apiKey;
  private final String model;
  private final ModelInfo info;
  private final int maxBatch;
  private final HostedCalls calls;

  /**
   * @param baseUrl the API's base, e.g. {@code https://api.openai.com/v1}
   * @param dimension the length of the model's vectors
   * @param maxBatch the most texts the provider takes in one request
   */
  public OpenAiCompatibleEmbeddingModel(
      URI baseUrl,
      Optional<String> apiKey,
      String model,
      int dimension,
      int maxBatch,
      HostedCalls calls) {
    String base = baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
    this.apiKey = apiKey;
    this.model = model;
    this.info = new ModelInfo(model, "openai-compatible:" + baseUrl.getHost(), dimension);
    this.maxBatch = maxBatch;
    this.calls = calls;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public int maxBatchSize() {
    return maxBatch;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += maxBatch) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + maxBatch));
      vectors.addAll(
          calls.call("embedding " + batch.size() + " texts at " + endpoint, () -> request(batch)));
    }
    return vectors;
  }

  private List<float[]> request(List<String> texts) throws HostedCalls.CallFailed {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("model", model);
    ArrayNode input = body.putArray("input");
    texts.forEach(input::add);
    body.put("encoding_format", "float");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body)));
    apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new HostedCalls.CallFailed(0, null, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new HostedCalls.CallFailed(
          response.statusCode(),
          retryAfter(response),
          "HTTP " + response.statusCode() + ": " + snippet(response.body()),
          null);
    }
    return vectors(EventJson.tree(response.body()), texts.size());
  }

  private List<float[]> vectors(JsonNode answer, int expected) {
    JsonNode data = answer.path("data");
    if (!data.isArray() || data.size() != expected) {
      throw new EmbeddingException(
          "the provider answered " + data.size() + " embeddings for " + expected + " texts");
    }
    float[][] vectors = new float[expected][];
    for (int i = 0; i < expected; i++) {
      JsonNode item = data.get(i);
      int index = item.path("index").asInt(i);
      JsonNode values = item.path("embedding");
      if (index < 0 || index >= expected || values.size() != info.dimension()) {
        throw new EmbeddingException(
            "embedding "
                + index
                + " has "
                + values.size()
                + " dimensions, not "
                + info.dimension());
      }
      float[] vector = new float[values.size()];
      for (int d = 0; d < vector.length; d++) {
        vector[d] = (float) values.get(d).asDouble();
      }
      vectors[index] = Vectors.normalised(vector);
    }
    return Arrays.asList(vectors);
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  private static String snippet(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
