package dev.eventsuite.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciApiStub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The OpenAI embeddings API client against a stub that checks what it sends. */
class OpenAiCompatibleEmbeddingModelTest {

  private static final HostedCalls QUICK =
      new HostedCalls(3, Duration.ofMillis(10), Duration.ofMillis(50));

  /** Answers each input with the vector (length of the text, 0, 0). */
  private static OciApiStub.Response embeddings(OciApiStub.Request request) {
    JsonNode inputs = EventJson.tree(request.body()).path("input");
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = inputs.size() - 1; i >= 0; i--) {
      json.append("{\"object\":\"embedding\",\"index\":")
          .append(i)
          .append(",\"embedding\":[")
          .append(inputs.get(i).asText().length())
          .append(",0,0]}")
          .append(i > 0 ? "," : "");
    }
    return OciApiStub.Response.json(200, json.append("]}").toString());
  }

  private static OpenAiCompatibleEmbeddingModel model(OciApiStub stub, int maxBatch) {
    return new OpenAiCompatibleEmbeddingModel(
        URI.create(stub.endpoint() + "/v1"),
        Optional.of("sk-test"),
        "text-embedding-3-small",
        3,
        maxBatch,
        QUICK);
  }

  @Test
  void shouldSendTheModelAndTextsAndPutTheAnswersInOrder() throws Exception {
    try (OciApiStub stub = new OciApiStub(OpenAiCompatibleEmbeddingModelTest::embeddings)) {
      List<float[]> vectors = model(stub, 10).embed(List.of("a", "bbb"));

      OciApiStub.Request request = stub.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.rawPath()).isEqualTo("/v1/embeddings");
      assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
      JsonNode body = EventJson.tree(request.body());
      assertThat(body.path("model").asText()).isEqualTo("text-embedding-3-small");
      assertThat(body.path("input").toString()).isEqualTo("[\"a\",\"bbb\"]");
      assertThat(vectors).hasSize(2);
      assertThat(vectors.get(0)[0]).isCloseTo(1f, within(1e-6f));
      assertThat(Vectors.cosine(vectors.get(1), new float[] {1, 0, 0}))
          .isCloseTo(1.0, within(1e-6));
    }
  }

  @Test
  void shouldSplitTextsIntoRequestsTheProviderTakes() throws Exception {
    try (OciApiStub stub = new OciApiStub(OpenAiCompatibleEmbeddingModelTest::embeddings)) {
      List<float[]> vectors = model(stub, 2).embed(List.of("a", "b", "c", "d", "e"));

      assertThat(vectors).hasSize(5);
      assertThat(stub.requests()).hasSize(3);
    }
  }

  @Test
  void shouldWaitAndTryAgainWhenTheProviderIsBusy() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Function<OciApiStub.Request, OciApiStub.Response> busyOnce =
        request ->
            calls.incrementAndGet() == 1
                ? new OciApiStub.Response(
                    429, Map.of("Retry-After", "0"), "slow down".getBytes(StandardCharsets.UTF_8))
                : embeddings(request);
    try (OciApiStub stub = new OciApiStub(busyOnce)) {
      assertThat(model(stub, 10).embed(List.of("a"))).hasSize(1);
      assertThat(stub.requests()).hasSize(2);
    }
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptOfAFailingProvider() throws Exception {
    try (OciApiStub stub =
        new OciApiStub(r -> OciApiStub.Response.json(503, "{\"error\":\"down\"}"))) {
      assertThatThrownBy(() -> model(stub, 10).embed(List.of("a")))
          .isInstanceOf(EmbeddingException.class)
          .hasMessageContaining("failed 3 times")
          .hasMessageContaining("HTTP 503");
      assertThat(stub.requests()).hasSize(3);
    }
  }

  @Test
  void shouldNotRepeatARequestTheProviderRefused() throws Exception {
    try (OciApiStub stub =
        new OciApiStub(
            r -> OciApiStub.Response.json(400, "{\"error\":{\"message\":\"input too long\"}}"))) {
      assertThatThrownBy(() -> model(stub, 10).embed(List.of("a")))
          .isInstanceOf(EmbeddingException.class)
          .hasMessageContaining("refused")
          .hasMessageContaining("input too long");
      assertThat(stub.requests()).hasSize(1);
    }
  }
}
