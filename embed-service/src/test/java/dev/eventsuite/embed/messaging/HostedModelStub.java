package dev.eventsuite.embed.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An OpenAI-compatible embeddings endpoint for tests, serving embed-service's model: it refuses any
 * request holding a text with the word "refuse", and embeds other texts as (length, 1, 0).
 * Subclasses choose what is refused and which settings point at the endpoint.
 */
public class HostedModelStub implements QuarkusTestResourceLifecycleManager {

  private final Predicate<String> refused;
  private OciApiStub stub;

  public HostedModelStub() {
    this(text -> text.contains("refuse"));
  }

  /** An endpoint refusing any request that holds a text the predicate accepts. */
  protected HostedModelStub(Predicate<String> refused) {
    this.refused = refused;
  }

  @Override
  public Map<String, String> start() {
    try {
      stub = new OciApiStub(this::answer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return settings(stub.endpoint() + "/v1");
  }

  /** The settings that make the endpoint at this base URL embed-service's model. */
  protected Map<String, String> settings(String baseUrl) {
    return Map.of(
        "suite.vectors.model.name", "openai",
        "suite.vectors.model.openai.base-url", baseUrl,
        "suite.vectors.model.openai.model", "stub-embedder",
        "suite.vectors.model.openai.dimension", "3",
        "suite.vectors.model.max-attempts", "2",
        "suite.vectors.model.max-backoff", "10ms",
        "suite.vectors.lucene.directory", "target/test-data/vectors-hosted");
  }

  private OciApiStub.Response answer(OciApiStub.Request request) {
    JsonNode inputs = EventJson.tree(request.body()).path("input");
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < inputs.size(); i++) {
      String text = inputs.get(i).asText();
      if (refused.test(text)) {
        return OciApiStub.Response.json(
            400, "{\"error\":{\"message\":\"input refused by policy\"}}");
      }
      json.append(i > 0 ? "," : "")
          .append("{\"index\":")
          .append(i)
          .append(",\"embedding\":[")
          .append(text.length())
          .append(",1,0]}");
    }
    return OciApiStub.Response.json(200, json.append("]}").toString());
  }

  @Override
  public void stop() {
    try {
      stub.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
