package dev.eventsuite.embed.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An OpenAI-compatible embeddings endpoint for tests: it refuses any request holding a text with
 * the word "refuse", and embeds other texts as (length, 1, 0).
 */
public class HostedModelStub implements QuarkusTestResourceLifecycleManager {

  private OciApiStub stub;

  @Override
  public Map<String, String> start() {
    try {
      stub = new OciApiStub(HostedModelStub::answer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of(
        "suite.vectors.model.name", "openai",
        "suite.vectors.model.openai.base-url", stub.endpoint() + "/v1",
        "suite.vectors.model.openai.model", "stub-embedder",
        "suite.vectors.model.openai.dimension", "3",
        "suite.vectors.model.max-attempts", "2",
        "suite.vectors.model.max-backoff", "10ms",
        "suite.vectors.lucene.directory", "target/test-data/vectors-hosted");
  }

  private static OciApiStub.Response answer(OciApiStub.Request request) {
    JsonNode inputs = EventJson.tree(request.body()).path("input");
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < inputs.size(); i++) {
      String text = inputs.get(i).asText();
      if (text.contains("refuse")) {
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
