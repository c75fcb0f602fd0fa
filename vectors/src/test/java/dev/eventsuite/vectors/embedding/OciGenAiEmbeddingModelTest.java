package dev.eventsuite.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.generativeaiinference.GenerativeAiInferenceClient;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciApiStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OCI Generative AI embeddings through the real OCI SDK, against a stub of its API. */
class OciGenAiEmbeddingModelTest {

  private static final String COMPARTMENT = "ocid1.compartment.oc1..c";
  private static final HostedCalls QUICK =
      new HostedCalls(2, Duration.ofMillis(10), Duration.ofMillis(50));

  private static OciApiStub.Response embeddings(OciApiStub.Request request) {
    int count = EventJson.tree(request.body()).path("inputs").size();
    List<String> vectors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      vectors.add("[" + (i + 1) + ",0]");
    }
    return OciApiStub.Response.json(
        200,
        "{\"id\":\"e1\",\"modelId\":\"cohere.embed-english-v3.0\",\"embeddings\":["
            + String.join(",", vectors)
            + "]}");
  }

  @Test
  void shouldEmbedDocumentsAndQueriesAsTheirInputTypes() throws Exception {
    try (OciApiStub stub = new OciApiStub(OciGenAiEmbeddingModelTest::embeddings);
        GenerativeAiInferenceClient client =
            GenerativeAiInferenceClient.builder()
                .endpoint(stub.endpoint())
                .build(stub.authentication())) {
      OciGenAiEmbeddingModel model =
          new OciGenAiEmbeddingModel(client, COMPARTMENT, "cohere.embed-english-v3.0", 2, QUICK);

      List<float[]> documents = model.embed(List.of("first passage", "second passage"));
      model.embedQueries(List.of("a question"));

      assertThat(documents).hasSize(2);
      OciApiStub.Request request = stub.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.rawPath()).isEqualTo("/20231130/actions/embedText");
      assertThat(request.header("authorization")).contains("keyId=\"" + stub.keyId() + "\"");
      JsonNode body = EventJson.tree(request.body());
      assertThat(body.at("/compartmentId").asText()).isEqualTo(COMPARTMENT);
      assertThat(body.at("/servingMode/servingType").asText()).isEqualTo("ON_DEMAND");
      assertThat(body.at("/servingMode/modelId").asText()).isEqualTo("cohere.embed-english-v3.0");
      assertThat(body.at("/inputs").toString()).isEqualTo("[\"first passage\",\"second passage\"]");
      assertThat(body.at("/inputType").asText()).isEqualTo("SEARCH_DOCUMENT");
      assertThat(body.at("/truncate").asText()).isEqualTo("END");
      assertThat(EventJson.tree(stub.requests().get(1).body()).at("/inputType").asText())
          .isEqualTo("SEARCH_QUERY");
    }
  }

  @Test
  void shouldSendAtMostNinetySixTextsPerRequest() throws Exception {
    try (OciApiStub stub = new OciApiStub(OciGenAiEmbeddingModelTest::embeddings);
        GenerativeAiInferenceClient client =
            GenerativeAiInferenceClient.builder()
                .endpoint(stub.endpoint())
                .build(stub.authentication())) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        texts.add("text " + i);
      }

      List<float[]> vectors =
          new OciGenAiEmbeddingModel(client, COMPARTMENT, "m", 2, QUICK).embed(texts);

      assertThat(vectors).hasSize(200);
      assertThat(stub.requests())
          .extracting(r -> EventJson.tree(r.body()).path("inputs").size())
          .containsExactly(96, 96, 8);
    }
  }

  @Test
  void shouldTryAgainWhileThrottledThenGiveUp() throws Exception {
    try (OciApiStub stub =
            new OciApiStub(
                r ->
                    OciApiStub.Response.json(
                        429, "{\"code\":\"TooManyRequests\",\"message\":\"slow\"}"));
        GenerativeAiInferenceClient client =
            GenerativeAiInferenceClient.builder()
                .endpoint(stub.endpoint())
                .build(stub.authentication())) {
      OciGenAiEmbeddingModel model = new OciGenAiEmbeddingModel(client, COMPARTMENT, "m", 2, QUICK);

      assertThatThrownBy(() -> model.embed(List.of("x")))
          .isInstanceOf(EmbeddingException.class)
          .hasMessageContaining("failed 2 times");
      assertThat(stub.requests()).hasSize(2);
    }
  }
}
