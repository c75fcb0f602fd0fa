package dev.eventsuite.launcher.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * search-service's search API, for the terminal. A search is one short call from a process that
 * starts for it, so this client is the JDK's lightest: {@link HttpURLConnection} loads no TLS for a
 * plain-HTTP address and starts no threads, and a plain {@link ObjectMapper} reads the answer as a
 * tree; both keep {@code bin/suite search} well under a second (docs/benchmarks/cli.md).
 */
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

  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 30_000;

  private final ObjectMapper json = new ObjectMapper();
  private final URI endpoint;
  private final String apiKey;

  public SearchClient(String baseUrl, String apiKey) {
    this.endpoint = URI.create(baseUrl.replaceFirst("/$", "") + "/api/v1/search");
    this.apiKey = apiKey;
  }

  public List<Hit> search(Query query) throws SearchFailed, IOException {
    HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
    try {
      connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
      connection.setReadTimeout(READ_TIMEOUT_MS);
      connection.setRequestMethod("POST");
      connection.setRequestProperty("X-API-Key", apiKey);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Accept", "application/json");
      connection.setDoOutput(true);
      try (OutputStream body = connection.getOutputStream()) {
        json.writeValue(body, body(query));
      }
      int status = connection.getResponseCode();
      JsonNode answer =
          read(status < 400 ? connection.getInputStream() : connection.getErrorStream());
      if (status != 200) {
        throw new SearchFailed(
            answer.path("detail").asText("search-service answered HTTP " + status));
      }
      return hits(answer);
    } finally {
      connection.disconnect();
    }
  }

  private ObjectNode body(Query query) {
    ObjectNode body = json.createObjectNode();
    body.put("query", query.text()).put("k", query.k()).put("mode", query.mode());
    if (!query.categories().isEmpty() || query.collection() != null) {
      ObjectNode filter = body.putObject("filter");
      if (query.collection() != null) {
        filter.put("collection", query.collection());
      }
      query.categories().forEach(filter.putArray("category")::add);
    }
    return body;
  }

  private JsonNode read(InputStream stream) throws IOException {
    if (stream == null) {
      return json.missingNode();
    }
    try (stream) {
      return json.readTree(stream);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json.missingNode();
    }
  }

  private static List<Hit> hits(JsonNode answer) {
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
