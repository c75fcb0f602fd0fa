package dev.eventsuite.launcher.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** search-service's search API, for the terminal. */
public final class SearchClient {

  /** A search as the terminal asks it. */
  public record Query(
      String text, int k, String mode, List<String> categories, String collection) {}

  /** A result as the terminal shows it. */
  public record Hit(String title, double score, String source, String snippet) {}

  /** The search could not be answered; the message is the service's own. */
  public static final class SearchFailed extends Exception {
    public SearchFailed(String message) {
      super(message);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String apiKey;

  public SearchClient(String baseUrl, String apiKey) {
    this.endpoint = URI.create(baseUrl.replaceFirst("/$", "") + "/api/v1/search");
    this.apiKey = apiKey;
  }

  public List<Hit> search(Query query) throws SearchFailed, IOException, InterruptedException {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("query", query.text()).put("k", query.k()).put("mode", query.mode());
    if (!query.categories().isEmpty() || query.collection() != null) {
      ObjectNode filter = body.putObject("filter");
      if (query.collection() != null) {
        filter.put("collection", query.collection());
      }
      query.categories().forEach(filter.putArray("category")::add);
    }
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer = EventJson.tree(response.body());
    if (response.statusCode() != 200) {
      throw new SearchFailed(
          answer.path("detail").asText("search-service answered HTTP " + response.statusCode()));
    }
    List<Hit> hits = new ArrayList<>();
    for (JsonNode result : answer.path("results")) {
      hits.add(
          new Hit(
              result.path("title").asText(result.path("documentId").asText()),
              result.path("score").asDouble(),
              result.path("source").asText(""),
              result.path("snippet").asText("")));
    }
    return hits;
  }
}
