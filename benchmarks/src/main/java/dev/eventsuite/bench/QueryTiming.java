package dev.eventsuite.bench;

import dev.eventsuite.vectors.embedding.OnnxEmbeddingModel;
import java.util.List;

/** What embedding one search query costs: the model on one thread, as search-service runs it. */
public final class QueryTiming {

  private QueryTiming() {}

  /**
   * The milliseconds per query, one at a time in this thread, after the first {@code warmUp} texts
   * have warmed the model up untimed.
   */
  public static double millisPerQuery(
      OnnxEmbeddingModel.Variant variant, List<String> texts, int warmUp) {
    OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant, 1);
    texts.subList(0, warmUp).forEach(text -> model.embedQueries(List.of(text)));
    List<String> timed = texts.subList(warmUp, texts.size());
    long start = System.nanoTime();
    timed.forEach(text -> model.embedQueries(List.of(text)));
    return (System.nanoTime() - start) / 1e6 / timed.size();
  }
}
