package dev.eventsuite.ingest.watch;

import static dev.eventsuite.ingest.Ingest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentEvent;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Files put into, changed in and removed from a bucket folder come out as object events would. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class LocalBucketWatcherTest {

  private static final Path BUCKETS = Path.of("target/test-data/buckets");

  @Test
  void shouldIngestFilesDroppedIntoABucketFolderAsTheyChangeAndVanish() throws Exception {
    String bucket = "watched-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = BUCKETS.resolve(bucket).resolve("notes/Über uns.txt");
    String path = bucket + "/notes/Über uns.txt";
    try (TopicTail documents = TopicTail.of("documents")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "First version.");

      ConsumerRecord<String, byte[]> first = Ingest.await(documents, 1, path).get(0);
      assertThat(((DocumentSectionExtracted) event(first)).text()).isEqualTo("First version.");

      Files.writeString(file, "Second version.");
      var changed = documents.await(2, r -> first.key().equals(r.key()), WAIT).get(1);
      assertThat(((DocumentSectionExtracted) event(changed)).text()).isEqualTo("Second version.");
      assertThat(((DocumentSectionExtracted) event(changed)).version())
          .isNotEqualTo(((DocumentSectionExtracted) event(first)).version());

      Files.delete(file);
      var removed = documents.await(3, r -> first.key().equals(r.key()), WAIT).get(2);
      assertThat(event(removed)).isInstanceOf(DocumentRemoved.class);
    }
  }

  @Test
  void shouldIgnoreHiddenFiles() throws Exception {
    String bucket = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
    try (TopicTail objectEvents = TopicTail.of("object-events")) {
      Files.createDirectories(BUCKETS.resolve(bucket));
      Files.writeString(BUCKETS.resolve(bucket).resolve(".draft.swp"), "editor state");
      Files.writeString(BUCKETS.resolve(bucket).resolve("visible.txt"), "seen");

      objectEvents.await(1, r -> r.key().endsWith(bucket + "/visible.txt"), WAIT);
      assertThat(objectEvents.drain(java.time.Duration.ofSeconds(2)))
          .noneMatch(r -> r.key().contains(".draft"));
    }
  }

  private static DocumentEvent event(ConsumerRecord<String, byte[]> record) {
    return EventJson.fromBytes(record.value(), DocumentEvent.class);
  }
}
