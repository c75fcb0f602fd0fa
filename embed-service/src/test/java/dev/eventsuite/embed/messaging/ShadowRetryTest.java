package dev.eventsuite.embed.messaging;

import static dev.eventsuite.embed.messaging.TestChunks.chunk;
import static dev.eventsuite.embed.messaging.TestChunks.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.embed.shadow.ShadowIndex;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A shadow index whose hosted model refuses a text twice before it embeds it: the store gets the
 * chunk at once, the shadow once a retry succeeds, and the shadow is ready only then.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ShadowRetryTest.FlakyShadow.class)
class ShadowRetryTest {

  /** embed-service with the default model and a shadow on {@link FlakyModel}. */
  public static class FlakyShadow implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FlakyModel.class));
    }
  }

  /**
   * An OpenAI-compatible endpoint refusing the first two requests that hold a text with the word
   * "flaky", serving the shadow's model.
   */
  public static class FlakyModel extends HostedModelStub {

    static final AtomicInteger FLAKY_REQUESTS = new AtomicInteger();

    public FlakyModel() {
      super(text -> text.contains("flaky") && FLAKY_REQUESTS.incrementAndGet() <= 2);
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
      String folder = "target/test-data/shadow-retry/" + UUID.randomUUID();
      return Map.of(
          "suite.vectors.shadow.model", "openai",
          "suite.vectors.model.openai.base-url", baseUrl,
          "suite.vectors.model.openai.model", "flaky-embedder",
          "suite.vectors.model.openai.dimension", "3",
          "suite.vectors.model.max-attempts", "1",
          "suite.vectors.lucene.directory", folder + "/vectors",
          "suite.vectors.shadow.lucene-directory", folder + "/vectors-hosted");
    }
  }

  @Inject VectorStore store;
  @Inject Optional<ShadowIndex> shadow;

  @Test
  void shouldCopyADocumentTheShadowsModelRefusedOnceARetrySucceeds() {
    ShadowIndex index = shadow.orElseThrow();
    String steady = "doc-" + UUID.randomUUID();
    String flaky = "doc-" + UUID.randomUUID();
    write(chunk(steady, "v1", 0, "a steady chunk"), chunk(flaky, "v1", 0, "a flaky chunk"));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(store.documentChunks(flaky)).hasSize(1);
              assertThat(index.store().documentChunks(steady)).hasSize(1);
              assertThat(index.store().documentChunks(flaky))
                  .extracting(StoredChunk::model)
                  .containsExactly(index.model().info().key());
              assertThat(status().getString("state")).isEqualTo("READY");
            });
    JsonPath status = status();
    assertThat(status.getInt("documentsToRetry")).isZero();
    assertThat(status.getString("lastError")).contains(flaky).contains("input refused by policy");
    assertThat(FlakyModel.FLAKY_REQUESTS.get()).isGreaterThanOrEqualTo(3);
  }

  private static JsonPath status() {
    return given()
        .header("X-API-Key", TestKeys.API_KEY)
        .when()
        .get("/api/v1/shadow-index")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
