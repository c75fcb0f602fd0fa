package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * enrich-service killed with SIGKILL in the middle of a stream and started again ends with exactly
 * the features a clean run computes, and publishes features for every event.
 */
@Order(2)
class FeatureCrashRecoveryIT {

  private static final int ENTITIES = 100;
  private static final int EVENTS_PER_ENTITY = 300;
  private static final int EVENTS = ENTITIES * EVENTS_PER_ENTITY;
  private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldComputeTheSameFeaturesAfterACrashAsInACleanRun() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String bootstrap = suite.url(Component.KAFKA);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String clean = "clean-" + run + "-";
    String crashed = "crashed-" + run + "-";

    try (TopicTail features = TopicTail.of(bootstrap, "features");
        TopicWriter writer = new TopicWriter(bootstrap)) {
      // Given the events of a clean run, all processed
      writer.writeAll(events(clean));
      features.awaitUntil(new EventIdsSeen(clean, EVENTS), Duration.ofSeconds(120));

      // When the same events of other entities are processed while enrich-service is killed
      writer.writeAll(events(crashed));
      List<ConsumerRecord<String, byte[]>> beforeKill =
          features.awaitUntil(new EventIdsSeen(crashed, EVENTS / 5), Duration.ofSeconds(120));
      ProcessHandle enrich = suite.record(Component.ENRICH).process().orElseThrow();
      enrich.destroyForcibly();
      enrich.onExit().get(30, TimeUnit.SECONDS);
      int seenAtKill = eventIds(features.drain(Duration.ZERO), crashed).size();
      suite.restart(Component.ENRICH);
      // While it replays what its predecessor had not stored, an entity with events is never
      // "not found": it is held, or the state is "still loading" with a time to ask again
      for (int entity = 0; entity < ENTITIES; entity++) {
        HttpResponse<byte[]> answer = get(suite, crashed + entity);
        assertThat(answer.statusCode()).as(crashed + entity).isIn(200, 503);
        if (answer.statusCode() == 503) {
          assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
      }

      // Then features come out for every event; repeated ones are identical replays
      List<ConsumerRecord<String, byte[]>> all =
          features.awaitUntil(new EventIdsSeen(crashed, EVENTS), Duration.ofSeconds(180));
      assertThat(beforeKill).isNotEmpty();
      assertThat(seenAtKill).as("killed in the middle of the stream").isLessThan(EVENTS);
      assertThat(replaysDifferingFromTheirOriginal(all, crashed)).isEmpty();
    }

    // and, once the restarted instance has replayed what its predecessor had not made durable (the
    // events above may all have been seen from the predecessor, and the clean entities' last
    // events may be replayed too), every entity's features equal those of the clean run
    for (int entity = 0; entity < ENTITIES; entity++) {
      String cleanId = clean + entity;
      String id = crashed + entity;
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode expected = comparable(features(suite, cleanId));
                assertThat(expected.at("/activity/totalEvents").asInt())
                    .as(cleanId + " replayed to its last event")
                    .isEqualTo(EVENTS_PER_ENTITY);
                assertThat(comparable(features(suite, id))).as(id).isEqualTo(expected);
              });
    }
  }

  /** Each entity's values rise and fall with some noise, one event a second, a few out of order. */
  private static List<ProducerRecord<String, byte[]>> events(String prefix) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(EVENTS);
    for (int k = 0; k < EVENTS_PER_ENTITY; k++) {
      for (int entity = 0; entity < ENTITIES; entity++) {
        String id = prefix + entity;
        double value = 50 + 30 * Math.sin((k + entity) / 10.0) + ((k * 37 + entity * 11) % 7);
        long second = k % 50 == 49 ? k - 5 : k;
        String json =
            "{\"eventId\":\"%s-%d\",\"entityId\":\"%s\",\"metric\":\"load\",\"value\":%s,\"timestamp\":\"%s\"}"
                .formatted(id, k, id, value, START.plusSeconds(second));
        records.add(
            new ProducerRecord<>("metric-events", id, json.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return records;
  }

  /** Whether features of at least {@code target} distinct events of the entities have arrived. */
  private static final class EventIdsSeen
      implements Predicate<List<ConsumerRecord<String, byte[]>>> {

    private final String prefix;
    private final int target;
    private final Set<String> ids = new HashSet<>();
    private int read;

    EventIdsSeen(String prefix, int target) {
      this.prefix = prefix;
      this.target = target;
    }

    @Override
    public boolean test(List<ConsumerRecord<String, byte[]>> seen) {
      ids.addAll(eventIds(seen.subList(read, seen.size()), prefix));
      read = seen.size();
      return ids.size() >= target;
    }
  }

  private static Set<String> eventIds(List<ConsumerRecord<String, byte[]>> records, String prefix) {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.key() != null && record.key().startsWith(prefix)) {
        ids.add(EventJson.tree(record.value()).get("eventId").asText());
      }
    }
    return ids;
  }

  /** Events whose features were published more than once with different content. */
  private static List<String> replaysDifferingFromTheirOriginal(
      List<ConsumerRecord<String, byte[]>> records, String prefix) {
    Map<String, JsonNode> first = new HashMap<>();
    List<String> differing = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.key() == null || !record.key().startsWith(prefix)) {
        continue;
      }
      ObjectNode features = (ObjectNode) EventJson.tree(record.value());
      features.remove("computedAt");
      JsonNode earlier = first.putIfAbsent(features.get("eventId").asText(), features);
      if (earlier != null && !earlier.equals(features)) {
        differing.add(earlier + " then " + features);
      }
    }
    return differing;
  }

  private static JsonNode features(RunningSuite suite, String entityId) throws Exception {
    HttpResponse<byte[]> response = get(suite, entityId);
    assertThat(response.statusCode()).as(entityId).isEqualTo(200);
    return EventJson.tree(response.body());
  }

  private static HttpResponse<byte[]> get(RunningSuite suite, String entityId) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(suite.url(Component.ENRICH) + "/api/v1/features/" + entityId))
            .header("X-API-Key", suite.apiKey())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The features without what names the entity and its events. */
  private static JsonNode comparable(JsonNode features) {
    ObjectNode copy = features.deepCopy();
    copy.remove(List.of("entityId", "lastEventId", "source"));
    return copy;
  }
}
