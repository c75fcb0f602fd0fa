package dev.eventsuite.embed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.StsBenchmark;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.vectors.embedding.Vectors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default model's quality through the public API: on the STS Benchmark test split, the Spearman
 * correlation of cosine similarity with the gold scores (published for all-MiniLM-L6-v2: 0.8203).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class StsBenchmarkQualityTest {

  private static final int PER_REQUEST = 256;

  @Test
  void shouldRankSentencePairsAsPeopleDo() {
    List<StsBenchmark.Pair> pairs = StsBenchmark.split("test");
    List<String> sentences =
        new ArrayList<>(
            new LinkedHashSet<>(
                pairs.stream().flatMap(p -> List.of(p.first(), p.second()).stream()).toList()));
    Map<String, float[]> vectors = new HashMap<>();
    for (int from = 0; from < sentences.size(); from += PER_REQUEST) {
      List<String> batch = sentences.subList(from, Math.min(sentences.size(), from + PER_REQUEST));
      List<List<Float>> embedded =
          given()
              .header("X-API-Key", TestKeys.API_KEY)
              .contentType(ContentType.JSON)
              .body(Map.of("texts", batch))
              .post("/api/v1/embeddings")
              .then()
              .statusCode(200)
              .extract()
              .path("vectors");
      for (int i = 0; i < batch.size(); i++) {
        vectors.put(batch.get(i), toArray(embedded.get(i)));
      }
    }
    double[] gold = new double[pairs.size()];
    double[] cosine = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      gold[i] = pairs.get(i).gold();
      cosine[i] =
          Vectors.cosine(vectors.get(pairs.get(i).first()), vectors.get(pairs.get(i).second()));
    }

    assertThat(StsBenchmark.spearman(gold, cosine)).isGreaterThanOrEqualTo(0.815);
  }

  private static float[] toArray(List<Float> values) {
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = values.get(i);
    }
    return vector;
  }
}
