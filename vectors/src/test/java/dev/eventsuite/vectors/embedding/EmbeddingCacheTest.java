package dev.eventsuite.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

  /** A model that records what it was asked to embed; each text's vector is its length. */
  static final class CountingModel implements EmbeddingModel {
    final List<List<String>> calls = new ArrayList<>();
    private final String version;

    CountingModel(String version) {
      this.version = version;
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("counting", version, 1);
    }

    @Override
    public int maxBatchSize() {
      return 2;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      calls.add(List.copyOf(texts));
      return texts.stream().map(t -> new float[] {t.length()}).toList();
    }
  }

  @Test
  void shouldEmbedOnlyTextsItHasNotSeenAndEachOnce() {
    EmbeddingCache cache = new EmbeddingCache(100);
    CountingModel model = new CountingModel("1");
    cache.embed(model, List.of("a", "bb"));

    List<float[]> vectors = cache.embed(model, List.of("bb", "ccc", "ccc", "a"));

    assertThat(vectors).extracting(v -> v[0]).containsExactly(2f, 3f, 3f, 1f);
    assertThat(model.calls).containsExactly(List.of("a", "bb"), List.of("ccc"));
    EmbeddingCache.Stats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.misses()).as("distinct texts looked up and not found").isEqualTo(3);
    assertThat(stats.entries()).isEqualTo(3);
  }

  @Test
  void shouldSplitMissesIntoBatchesTheModelTakes() {
    EmbeddingCache cache = new EmbeddingCache(100);
    CountingModel model = new CountingModel("1");

    cache.embed(model, List.of("a", "b", "c", "d", "e"));

    assertThat(model.calls)
        .hasSize(3)
        .allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(2));
  }

  @Test
  void shouldKeepEachModelsVectorsApart() {
    EmbeddingCache cache = new EmbeddingCache(100);
    CountingModel first = new CountingModel("1");
    CountingModel second = new CountingModel("2");
    cache.embed(first, List.of("a"));

    cache.embed(second, List.of("a"));

    assertThat(second.calls).containsExactly(List.of("a"));
  }

  @Test
  void shouldStayWithinItsSizeAndCountEvictions() {
    EmbeddingCache cache = new EmbeddingCache(10);
    CountingModel model = new CountingModel("1");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      texts.add("text " + i);
    }

    cache.embed(model, texts);
    EmbeddingCache.Stats stats = cache.stats();

    assertThat(stats.entries()).isLessThanOrEqualTo(10);
    assertThat(stats.evictions()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void shouldCacheQueriesApartFromPassages() {
    EmbeddingCache cache = new EmbeddingCache(100);
    CountingModel model = new CountingModel("1");
    cache.embed(model, List.of("restart the broker"));

    cache.embedQuery(model, "restart the broker");
    cache.embedQuery(model, "restart the broker");

    assertThat(model.calls)
        .containsExactly(List.of("restart the broker"), List.of("restart the broker"));
  }

  @Test
  void shouldEmbedAgainAfterBeingCleared() {
    EmbeddingCache cache = new EmbeddingCache(100);
    CountingModel model = new CountingModel("1");
    cache.embed(model, List.of("a"));

    cache.clear();
    cache.embed(model, List.of("a"));

    assertThat(model.calls).hasSize(2);
  }
}
