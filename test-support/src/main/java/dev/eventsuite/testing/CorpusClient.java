package dev.eventsuite.testing;

import static org.awaitility.Awaitility.await;

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
import java.util.Iterator;
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

  /** Each document posted and not yet seen indexed: its sections, in posting order. */
  private final Map<String, Integer> unindexed = new LinkedHashMap<>();

  /**
   * @param collection the collection the documents go into and searches are filtered to
   */
  public CorpusClient(RunningSuite suite, String collection) {
    this.collection = collection;
    this.apiKey = suite.apiKey();
    this.ingest = suite.url(Component.INGEST);
    this.search = suite.url(Component.SEARCH);
  }

  /**
   * Posts each document, with its id, title and text, and remembers how many sections
   * ingest-service made of it.
   */
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
      int sections = EventJson.tree(answer.body().getBytes()).path("sections").asInt();
      unindexed.put(document.id(), sections);
    }
  }

  /** Waits until search-service holds chunks of every section of every document posted. */
  public void awaitIndexed(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              // Documents are indexed about in the order they were posted: the first one missing
              // ends a round.
              for (Iterator<Map.Entry<String, Integer>> pending = unindexed.entrySet().iterator();
                  pending.hasNext(); ) {
                Map.Entry<String, Integer> document = pending.next();
                if (indexedSections(document.getKey()) < document.getValue()) {
                  return false;
                }
                pending.remove();
              }
              return true;
            });
  }

  private long indexedSections(String documentId) throws IOException, InterruptedException {
    HttpResponse<String> answer = send("GET", search + "/api/v1/documents/" + documentId, null);
    if (answer.statusCode() != 200) {
      return 0;
    }
    List<Integer> sections = new ArrayList<>();
    EventJson.tree(answer.body().getBytes())
        .path("chunks")
        .forEach(chunk -> sections.add(chunk.path("sectionIndex").asInt()));
    return sections.stream().distinct().count();
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
