package dev.eventsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The STS Benchmark (Cer et al. 2017): sentence pairs with a gold similarity from 0 to 5, and the
 * measure models are compared by, the Spearman correlation between the gold scores and the cosine
 * similarity of the two sentences' embeddings.
 */
public final class StsBenchmark {

  /** A pair of sentences and how alike people judged them, 0 to 5. */
  public record Pair(String first, String second, double gold) {}

  private StsBenchmark() {}

  /** The pairs of a split ({@code train}, {@code dev}, {@code test}) of the original release. */
  public static List<Pair> split(String name) {
    return read(Datasets.path("stsb/original/sts-" + name + ".csv"));
  }

  /**
   * The pairs of a file in the original release's format: tab-separated, no header, the score and
   * the two sentences in the fifth to seventh fields (some lines carry more after them).
   */
  public static List<Pair> read(Path file) {
    try {
      List<Pair> pairs = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t");
        if (fields.length >= 7) {
          pairs.add(new Pair(fields[5], fields[6], Double.parseDouble(fields[4])));
        }
      }
      return pairs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How well a model ranks the pairs: the Spearman correlation between the cosine similarity of the
   * two sentences' embeddings and the gold scores.
   *
   * @param embed embeds a batch of sentences, one vector each, in order
   * @param batchSize the most sentences handed to {@code embed} at once
   */
  public static double evaluate(
      List<Pair> pairs, Function<List<String>, List<float[]>> embed, int batchSize) {
    List<String> sentences =
        List.copyOf(
            new LinkedHashSet<>(
                pairs.stream().flatMap(p -> Stream.of(p.first(), p.second())).toList()));
    Map<String, float[]> vectors = new HashMap<>();
    for (int from = 0; from < sentences.size(); from += batchSize) {
      List<String> batch = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
      List<float[]> embedded = embed.apply(batch);
      for (int i = 0; i < batch.size(); i++) {
        vectors.put(batch.get(i), embedded.get(i));
      }
    }
    double[] gold = new double[pairs.size()];
    double[] similarity = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      gold[i] = pairs.get(i).gold();
      similarity[i] = cosine(vectors.get(pairs.get(i).first()), vectors.get(pairs.get(i).second()));
    }
    return spearman(gold, similarity);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }

  /** Spearman's rank correlation of two equally long series, ties given their average rank. */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("two series of the same length, at least 2, are needed");
    }
    return pearson(ranks(x), ranks(y));
  }

  static double[] ranks(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  static double pearson(double[] x, double[] y) {
    double meanX = Arrays.stream(x).average().orElse(0);
    double meanY = Arrays.stream(y).average().orElse(0);
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      varianceX += (x[i] - meanX) * (x[i] - meanX);
      varianceY += (y[i] - meanY) * (y[i] - meanY);
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }
}
