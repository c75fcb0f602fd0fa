package dev.eventsuite.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxEmbeddingModelTest {

  @ParameterizedTest
  @EnumSource(OnnxEmbeddingModel.Variant.class)
  void shouldPlaceSentencesOfLikeMeaningCloserThanUnrelatedOnes(
      OnnxEmbeddingModel.Variant variant) {
    OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);

    List<float[]> vectors =
        model.embed(
            List.of(
                "A man is playing a guitar.",
                "Someone plays an acoustic guitar.",
                "The stock market fell sharply today."));

    assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
    for (float[] vector : vectors) {
      assertThat(Vectors.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
      double norm = 0;
      for (float v : vector) {
        norm += v * v;
      }
      assertThat(norm).isCloseTo(1.0, within(1e-4));
    }
    // e5-small-v2's similarities crowd between 0.7 and 1, the others' spread from 0 to 1.
    assertThat(Vectors.cosine(vectors.get(0), vectors.get(1)))
        .isGreaterThan(0.6)
        .isGreaterThan(Vectors.cosine(vectors.get(0), vectors.get(2)) + 0.1);
  }

  @ParameterizedTest
  @EnumSource(OnnxEmbeddingModel.Variant.class)
  void shouldPlaceAQueryClosestToThePassageThatAnswersIt(OnnxEmbeddingModel.Variant variant) {
    OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);

    float[] query = model.embedQueries(List.of("how much vitamin D do adults need")).get(0);
    List<float[]> passages =
        model.embed(
            List.of(
                "The stock market fell sharply today.",
                "Adults should take in 600 to 800 IU of vitamin D a day, more past seventy.",
                "Vitamin C is found in citrus fruit."));

    assertThat(Vectors.cosine(query, passages.get(1)))
        .isGreaterThan(Vectors.cosine(query, passages.get(0)))
        .isGreaterThan(Vectors.cosine(query, passages.get(2)));
  }

  @ParameterizedTest
  @EnumSource(OnnxEmbeddingModel.Variant.class)
  void shouldNameTheModelAndTheBuildItCameIn(OnnxEmbeddingModel.Variant variant) {
    ModelInfo info = new OnnxEmbeddingModel(variant).info();

    assertThat(info.id()).isEqualTo(variant.id());
    assertThat(info.version()).isEqualTo("onnx-1.20.0-beta30");
    assertThat(info.dimension()).isEqualTo(384);
  }
}
