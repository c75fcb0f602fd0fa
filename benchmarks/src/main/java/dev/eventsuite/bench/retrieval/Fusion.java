package dev.eventsuite.bench.retrieval;

import dev.eventsuite.testing.Nfcorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Ways of fusing a semantic and a keyword list of scored documents into one ranking, compared. */
final class Fusion {

  /** One fusion at one setting and the nDCG@10 its rankings reach, by query. */
  record Result(String fusion, String setting, Map<String, Double> byQuery) {

    double ndcg() {
      return Bootstrap.mean(byQuery);
    }
  }

  private Fusion() {}

  static List<Result> compare(
      Nfcorpus corpus,
      Map<String, Map<String, Double>> semantic,
      Map<String, Map<String, Double>> keyword) {
    List<Result> results = new ArrayList<>();
    for (int k : new int[] {1, 10, 20, 40, 60, 100}) {
      results.add(
          new Result(
              "reciprocal rank",
              "k = " + k,
              corpus.ndcgAt10ByQuery(
                  rank(semantic, keyword, scores -> reciprocalRanks(scores, k), 1, 1))));
    }
    for (boolean minMax : new boolean[] {false, true}) {
      for (int twentieths = 6; twentieths <= 18; twentieths++) {
        double weight = twentieths / 20.0;
        results.add(
            new Result(
                minMax ? "convex, min-max normalised" : "convex, scores as given",
                String.format(Locale.ROOT, "w = %.2f", weight),
                corpus.ndcgAt10ByQuery(
                    rank(
                        semantic,
                        keyword,
                        scores -> minMax ? minMax(scores) : scores,
                        weight,
                        1 - weight))));
      }
    }
    return results;
  }

  /** Each query's ten best documents: both lists transformed, then summed with their weights. */
  private static Map<String, List<String>> rank(
      Map<String, Map<String, Double>> semantic,
      Map<String, Map<String, Double>> keyword,
      UnaryOperator<Map<String, Double>> transform,
      double wa,
      double wb) {
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    for (String query : semantic.keySet()) {
      Map<String, Double> a = transform.apply(semantic.get(query));
      Map<String, Double> b = transform.apply(keyword.get(query));
      Set<String> documents = new HashSet<>(a.keySet());
      documents.addAll(b.keySet());
      Map<String, Double> fused = new HashMap<>();
      for (String document : documents) {
        fused.put(
            document, wa * a.getOrDefault(document, 0.0) + wb * b.getOrDefault(document, 0.0));
      }
      rankings.put(
          query,
          fused.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(10)
              .map(Map.Entry::getKey)
              .toList());
    }
    return rankings;
  }

  private static Map<String, Double> reciprocalRanks(Map<String, Double> scores, int k) {
    Map<String, Double> ranks = new HashMap<>();
    int rank = 1;
    for (String document : scores.keySet()) {
      ranks.put(document, 1.0 / (k + rank++));
    }
    return ranks;
  }

  private static Map<String, Double> minMax(Map<String, Double> scores) {
    double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    Map<String, Double> normalised = new HashMap<>();
    scores.forEach((d, s) -> normalised.put(d, max > min ? (s - min) / (max - min) : 1.0));
    return normalised;
  }
}
