package dev.eventsuite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BEIR NFCorpus as its files give it: the documents, the test queries (those judged in {@code
 * qrels/test.tsv}) and their graded judgments.
 *
 * @param judgments per query id, each judged document's grade (1 or 2)
 */
public record Nfcorpus(
    List<Document> documents, List<Query> queries, Map<String, Map<String, Integer>> judgments) {

  /** A document: its id, title and abstract. */
  public record Document(String id, String title, String text) {}

  /** A test query: its id and text. */
  public record Query(String id, String text) {}

  /** The corpus in a folder laid out as BEIR lays it out. */
  public static Nfcorpus load(Path folder) throws IOException {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("qrels/test.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.strip().split("\t");
      judgments
          .computeIfAbsent(fields[0], q -> new HashMap<>())
          .put(fields[1], Integer.parseInt(fields[2]));
    }
    List<Query> queries = new ArrayList<>();
    for (JsonNode query : jsonLines(folder.resolve("queries.jsonl"))) {
      if (judgments.containsKey(query.path("_id").asText())) {
        queries.add(new Query(query.path("_id").asText(), query.path("text").asText()));
      }
    }
    List<Document> documents = new ArrayList<>();
    for (JsonNode document : jsonLines(folder.resolve("corpus.jsonl"))) {
      documents.add(
          new Document(
              document.path("_id").asText(),
              document.path("title").asText(),
              document.path("text").asText()));
    }
    return new Nfcorpus(documents, queries, judgments);
  }

  /**
   * A smaller corpus: every {@code step}-th test query, the documents judged for them, and every
   * {@code step}-th of the other documents, which compete with them as the rest of the corpus does.
   */
  public Nfcorpus slice(int step) {
    List<Query> kept = new ArrayList<>();
    Set<String> judged = new LinkedHashSet<>();
    for (int i = 0; i < queries.size(); i += step) {
      kept.add(queries.get(i));
      judged.addAll(judgments.get(queries.get(i).id()).keySet());
    }
    List<Document> slice = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      Document document = documents.get(i);
      if (judged.contains(document.id()) || i % step == 0) {
        slice.add(document);
      }
    }
    Map<String, Map<String, Integer>> sliceJudgments = new LinkedHashMap<>();
    kept.forEach(q -> sliceJudgments.put(q.id(), judgments.get(q.id())));
    return new Nfcorpus(slice, kept, sliceJudgments);
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        nodes.add(EventJson.tree(line.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return nodes;
  }

  /**
   * The mean nDCG@10 of the rankings, by query id, as trec_eval computes it: a document's gain is
   * its grade, discounted by log2(rank + 1); the ideal ranking orders all judged documents by
   * grade.
   */
  public double ndcgAt10(Map<String, List<String>> rankings) {
    return ndcgAt10ByQuery(rankings).values().stream()
        .mapToDouble(Double::doubleValue)
        .average()
        .orElse(0);
  }

  /** Each test query's nDCG@10, by query id, in the queries' order. */
  public Map<String, Double> ndcgAt10ByQuery(Map<String, List<String>> rankings) {
    Map<String, Double> byQuery = new LinkedHashMap<>();
    for (Query query : queries) {
      Map<String, Integer> judged = judgments.get(query.id());
      List<String> ranking = rankings.getOrDefault(query.id(), List.of());
      double dcg = 0;
      for (int i = 0; i < Math.min(10, ranking.size()); i++) {
        dcg += judged.getOrDefault(ranking.get(i), 0) / log2(i + 2);
      }
      List<Integer> ideal =
          judged.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
      double idcg = 0;
      for (int i = 0; i < ideal.size(); i++) {
        idcg += ideal.get(i) / log2(i + 2);
      }
      byQuery.put(query.id(), idcg == 0 ? 0 : dcg / idcg);
    }
    return byQuery;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
