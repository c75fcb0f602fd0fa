package dev.eventsuite.search.rest;

import dev.eventsuite.oci.OciApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * ingest-service's bucket API as the page's upload form sees it: answers CORS preflights for the
 * page's origin and accepts uploads, recording every request.
 */
public class IngestStub implements QuarkusTestResourceLifecycleManager {

  static volatile OciApiStub stub;

  @Override
  public Map<String, String> start() {
    try {
      stub = new OciApiStub(IngestStub::answer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of("suite.search.ingest-url", stub.endpoint());
  }

  private static OciApiStub.Response answer(OciApiStub.Request request) {
    String origin = request.header("Origin") != null ? request.header("Origin") : "*";
    Map<String, String> cors =
        Map.of(
            "Access-Control-Allow-Origin", origin,
            "Access-Control-Allow-Methods", "PUT, GET, DELETE",
            "Access-Control-Allow-Headers", "X-API-Key, Content-Type",
            "Content-Type", "application/json");
    if (request.method().equals("OPTIONS")) {
      return new OciApiStub.Response(204, cors, new byte[0]);
    }
    return new OciApiStub.Response(200, cors, "{\"eTag\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
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
