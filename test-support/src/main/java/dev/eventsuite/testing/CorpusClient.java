package dev.eventsuite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus put through a running suite as users put documents through it: each document posted to
 * ingest-service into one collection, then searched for through search-service.
 */
public final class CorpusClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String apiKey;
  private final String ingest;
  private final String search;
  private final String collection;

  /**
   * @param collection the collection the documents go into and searches are filtered to
   */
  public CorpusClient(RunningSuite suite, String collection) {
    this.collection = collection;
    this.apiKey = suite.apiKey();
    this.ingest = suite.url(Component.INGEST);
    this.search = suite.url(Component.SEARCH);
  }

  /** Posts each document, with its id, title and text. */
  public void post(List<Nfcorpus.Document> documents) throws IOException, InterruptedException {
    for (Nfcorpus.Document document : documents) {
      ObjectNode body = EventJson.mapper().createObjectNode();
      body.put("id", document.id());
      body.put("title", document.title());
      body.put("text", document.text());
      body.put("collection", collection);
      HttpResponse<String> answer = send("POST", ingest + "/api/v1/documents", body.toString());
      if (answer.statusCode() != 202) {
        throw new IllegalStateException(
            "posting " + document.id() + ": " + answer.statusCode() + " " + answer.body());
      }
    }
  }

  /**
   * Waits until search-service finds every document, then until the collection's chunk count
   * settles.
   */
  public void awaitIndexed(List<Nfcorpus.Document> documents, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Nfcorpus.Document document : documents) {
      while (send("GET", search + "/api/v1/documents/" + document.id(), null).statusCode() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(document.id() + " was not indexed in " + timeout);
        }
        Thread.sleep(500);
      }
    }
    long chunks = -1;
    for (long now = chunks(); now != chunks; now = chunks()) {
      chunks = now;
      Thread.sleep(3000);
    }
  }

  private long chunks() throws IOException, InterruptedException {
    return collection().path("chunks").asLong();
  }

  /** The model the collection's index was built with. */
  public String model() throws IOException, InterruptedException {
    return collection().path("model").asText();
  }

  private JsonNode collection() throws IOException, InterruptedException {
    for (JsonNode each :
        EventJson.tree(send("GET", search + "/api/v1/collections", null).body().getBytes())) {
      if (each.path("name").asText().equals(collection)) {
        return each;
      }
    }
    throw new IllegalStateException("search-service has no collection " + collection);
  }

  /** The ids of the ten best documents for a query, best first. */
  public List<String> search(String query, String mode) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (JsonNode result : results(query, mode, 10)) {
      ids.add(result.path("documentId").asText());
    }
    return ids;
  }

  /** The hundred best documents of one mode, each with its score in that mode. */
  public Map<String, Double> scored(String query, String mode)
      throws IOException, InterruptedException {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (JsonNode result : results(query, mode, 100)) {
      scores.put(result.path("documentId").asText(), result.path("score").asDouble());
    }
    return scores;
  }

  private JsonNode results(String query, String mode, int k)
      throws IOException, InterruptedException {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("query", query.length() > 1000 ? query.substring(0, 1000) : query);
    body.put("k", k);
    body.put("mode", mode);
    body.put("groupByDocument", true);
    body.putObject("filter").put("collection", collection);
    HttpResponse<String> answer = send("POST", search + "/api/v1/search", body.toString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("search: " + answer.statusCode() + " " + answer.body());
    }
    return EventJson.tree(answer.body().getBytes()).path("results");
  }

  private HttpResponse<String> send(String method, String url, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("X-API-Key", apiKey);
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
