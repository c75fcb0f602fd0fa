package dev.eventsuite.ingest.rest;

import static dev.eventsuite.ingest.Ingest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A file that takes several times Kafka's poll interval to read is read once, to the end: the
 * consumer stays in its group while it reads, so the group never drops it, its commit never fails
 * and the stream never rewinds to read the object again.
 */
@QuarkusTest
@TestProfile(LongObjectTest.ShortPollInterval.class)
@WithTestResource(KafkaTestResource.class)
class LongObjectTest {

  private static final int ROWS = 100_000;

  /**
   * A poll interval of one second: reading the file takes several. A bucket of its own, so the
   * objects other tests left there are not read before this one.
   */
  public static class ShortPollInterval implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kafka.max.poll.interval.ms",
          "1000",
          "suite.data-dir",
          "target/long-object-test/" + UUID.randomUUID());
    }
  }

  @Test
  void shouldPublishEveryRowOfAFileReadForLongerThanThePollIntervalOnce() {
    String name = UUID.randomUUID() + "/long.csv";
    String source = "/objects/local/inbox/" + name + "@";
    StringBuilder csv = new StringBuilder("entityId,metric,value,timestamp\n");
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < ROWS; i++) {
      csv.append("e")
          .append(i % 100)
          .append(",load,")
          .append(i)
          .append(',')
          .append(start.plusSeconds(i))
          .append('\n');
    }

    List<ConsumerRecord<String, byte[]>> rows;
    double failuresBefore = Ingest.objectStreamFailures();
    try (TopicTail events = TopicTail.of("metric-events")) {
      upload("inbox", name, csv.toString().getBytes(StandardCharsets.UTF_8)).statusCode(201);
      events.await(ROWS, r -> Ingest.isRowOf(r, source), Duration.ofMinutes(3));
      // Anything published again would come within the next seconds.
      rows =
          events.drain(Duration.ofSeconds(3)).stream()
              .filter(r -> Ingest.isRowOf(r, source))
              .toList();
    }

    Set<String> ids = new HashSet<>();
    rows.forEach(r -> ids.add(TopicTail.header(r, "ce_id")));
    assertThat(rows).hasSize(ROWS);
    assertThat(ids).hasSize(ROWS);
    assertThat(Ingest.objectStreamFailures())
        .as("rewinds of the object stream")
        .isEqualTo(failuresBefore);
  }
}
