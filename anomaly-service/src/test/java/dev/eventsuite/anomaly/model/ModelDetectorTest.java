package dev.eventsuite.anomaly.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One entity scored by a user's ONNX model over its value and delta, set up in configuration. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ModelDetectorTest.WithModel.class)
class ModelDetectorTest {

  private static final String ENTITY = "turbine-9";

  /** The model adds the value and the delta; above 100 is an anomaly, for turbine-9 only. */
  public static class WithModel implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path model =
            OnnxFiles.weightedSum(
                Files.createDirectories(Path.of("target/models")).resolve("sum.onnx"), 1f, 1f);
        return Map.of(
            "suite.anomaly.models.sum.path",
            model.toAbsolutePath().toString(),
            "suite.anomaly.entities." + ENTITY + ".method",
            "model",
            "suite.anomaly.entities." + ENTITY + ".model",
            "sum",
            "suite.anomaly.entities." + ENTITY + ".inputs",
            "value,delta",
            "suite.anomaly.entities." + ENTITY + ".threshold",
            "100");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void shouldFlagWhatTheModelScoresAboveTheThreshold() {
    Snapshots snapshots = new Snapshots(ENTITY, "rpm", Instant.parse("2025-05-01T00:00:00Z"));
    FeaturesUpdated first = snapshots.next(10);
    FeaturesUpdated calm = snapshots.next(20);
    FeaturesUpdated surge = snapshots.next(150);
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      for (FeaturesUpdated features : new FeaturesUpdated[] {first, calm, surge}) {
        writer.write("features", ENTITY, EventJson.toJson(features));
      }
    }

    JsonPath found =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .header("X-API-Key", TestKeys.API_KEY)
                        .queryParam("entityId", ENTITY)
                        .get("/api/v1/anomalies")
                        .then()
                        .extract()
                        .jsonPath(),
                json -> !json.getList("anomalies").isEmpty());

    assertThat(found.getList("anomalies.eventId")).containsExactly(surge.eventId());
    assertThat(found.getString("anomalies[0].method")).isEqualTo("model:sum");
    assertThat(found.getString("anomalies[0].feature")).isEqualTo("value,delta");
    // 150 + a delta of 130
    assertThat(found.getDouble("anomalies[0].score")).isEqualTo(280.0);
  }
}
