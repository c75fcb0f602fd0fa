package dev.eventsuite.embed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.StsBenchmark;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default model's quality through the public API: on the STS Benchmark test split, the Spearman
 * correlation of cosine similarity with the gold scores (bge-small-en-v1.5 in 8 bits: 0.857 raw,
 * see docs/benchmarks/embed.md; all-MiniLM-L6-v2, the former default, publishes 0.8203).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class StsBenchmarkQualityTest {

  private static final int PER_REQUEST = 256;

  @Test
  void shouldRankSentencePairsAsPeopleDo() {
    double spearman =
        StsBenchmark.evaluate(
            StsBenchmark.split("test"), StsBenchmarkQualityTest::embed, PER_REQUEST);

    assertThat(spearman).isGreaterThanOrEqualTo(0.85);
  }

  private static List<float[]> embed(List<String> texts) {
    List<List<Float>> vectors =
        given()
            .header("X-API-Key", TestKeys.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("texts", texts))
            .post("/api/v1/embeddings")
            .then()
            .statusCode(200)
            .extract()
            .path("vectors");
    return vectors.stream().map(StsBenchmarkQualityTest::toArray).toList();
  }

  private static float[] toArray(List<Float> values) {
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = values.get(i);
    }
    return vector;
  }
}
