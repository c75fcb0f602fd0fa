package dev.eventsuite.embed.messaging;

import static dev.eventsuite.embed.messaging.TestChunks.chunk;
import static dev.eventsuite.embed.messaging.TestChunks.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.embed.vectors.FailingVectorStore;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.StreamMetrics;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.vectors.store.StoredChunk;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A vector store that fails a write and then a commit: the stream rewinds and writes the chunks
 * again, so none is lost, none is stored twice, and none goes to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(VectorStoreFailuresTest.FailingStore.class)
class VectorStoreFailuresTest {

  /** embed-service writing through {@link FailingVectorStore}. */
  public static class FailingStore implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(FailingVectorStore.Producer.class);
    }
  }

  @Inject FailingVectorStore store;

  @Test
  void shouldStoreEveryChunkOnceAfterAFailedWriteAndAFailedCommit() {
    String documentId = "doc-" + UUID.randomUUID();
    try (TopicTail deadLetters = TopicTail.of("document-chunks-dlq")) {
      write(
          chunk(documentId, "v1", 0, "Drain the node before the upgrade"),
          chunk(documentId, "v1", 1, "Upgrade one broker at a time"),
          chunk(documentId, "v1", 2, "Check the lag once all brokers are back"));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> store.failures() == 2 && loopFailures() >= 2);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(store.documentChunks(documentId))
                      .extracting(StoredChunk::chunkId)
                      .containsExactlyInAnyOrder(
                          documentId + ":v1:0:0", documentId + ":v1:0:1", documentId + ":v1:0:2"));
      assertThat(deadLetters.drain(Duration.ofSeconds(1)))
          .noneMatch(letter -> documentId.equals(letter.key()));
    }
  }

  /** How often the chunk stream rewound after a failure, from {@code /q/metrics}. */
  private static double loopFailures() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    return StreamMetrics.failures(metrics, "chunks");
  }
}
