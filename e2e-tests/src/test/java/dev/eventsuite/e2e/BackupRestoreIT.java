package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.TopicWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/suite backup} taken while a producer keeps sending events, then {@code bin/suite
 * restore}: the restored suite holds the state of the backup's instant in every store at once, and
 * carries on from it with nothing lost or doubled.
 */
@Order(3)
class BackupRestoreIT {

  private static final int ENTITIES = 20;
  private static final int EVENTS_PER_ENTITY = 50;
  private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void shouldBringTheSuiteBackToTheInstantOfABackupTakenWhileEventsFlow() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String before = "bk-before-" + run + "-";
    String during = "bk-during-" + run + "-";
    String after = "bk-after-" + run + "-";
    String bucket = "e2e-backup-" + run;
    Path backup = dir.resolve("backup");

    // Given entities whose events were all processed, and a document that search finds
    try (TopicWriter writer = new TopicWriter(suite.url(Component.KAFKA))) {
      writer.writeAll(events(before, EVENTS_PER_ENTITY));
    }
    upload(suite, bucket, "tides.md", "# Tide tables\n\nThe harbour master posts the tide tables.");
    awaitTotalEvents(suite, before, EVENTS_PER_ENTITY);
    awaitFound(suite, bucket, "when is high water in the harbour?", "Tide tables");

    // When a backup is taken while a producer keeps sending events
    SuiteCommand backedUp;
    int sent;
    try (SteadyProducer producer = new SteadyProducer(suite.url(Component.KAFKA), during)) {
      producer.awaitSent(300);
      backedUp = SuiteCommand.on(suite, "backup", backup.toString());
      producer.awaitSent(producer.sent() + 300);
      sent = producer.stop();
    }
    assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
    assertThat(backedUp.output()).contains("paused", "Backup complete");

    // and the suite goes on after it
    try (TopicWriter writer = new TopicWriter(suite.url(Component.KAFKA))) {
      writer.writeAll(events(after, EVENTS_PER_ENTITY));
    }
    upload(suite, bucket, "bells.md", "# Ship's bells\n\nEight bells mark the end of a watch.");
    awaitTotalEvents(suite, after, EVENTS_PER_ENTITY);
    awaitFound(suite, bucket, "what ends a watch at sea?", "Ship's bells");

    // Then the suite restored from the backup holds the backup's instant
    RunningSuite restored =
        SuiteUnderTest.restart(
            () -> {
              SuiteCommand restore = SuiteCommand.on(suite, "restore", backup.toString());
              assertThat(restore.exitCode()).as(restore.output()).isZero();
            });
    Map<String, Integer> logged = eventsPerEntity(restored.url(Component.KAFKA), during);
    int loggedTotal = logged.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(loggedTotal)
        .as("events in the restored log of %d sent", sent)
        .isBetween(300, sent - 1);
    awaitTotalEvents(restored, before, EVENTS_PER_ENTITY);
    // and every event in its log becomes features exactly once
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () ->
                logged.forEach(
                    (entity, count) ->
                        assertThat(totalEvents(restored, entity)).as(entity).isEqualTo(count)));
    assertThat(features(restored, after + 0).statusCode())
        .as("an entity seen after the backup")
        .isEqualTo(404);
    assertThat(search(restored, bucket, "when is high water in the harbour?"))
        .contains("Tide tables");
    assertThat(search(restored, bucket, "what ends a watch at sea?"))
        .doesNotContain("Ship's bells");
  }

  /** Sends events one at a time, each acknowledged, round-robin over the entities, until closed. */
  private static final class SteadyProducer implements AutoCloseable {

    private final TopicWriter writer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;

    SteadyProducer(String bootstrapServers, String prefix) {
      writer = new TopicWriter(bootstrapServers);
      thread =
          new Thread(
              () -> {
                for (int k = 0; running.get(); k++) {
                  writer.write(event(prefix + (k % ENTITIES), k / ENTITIES));
                  sent.incrementAndGet();
                }
              },
              "steady-producer");
      thread.start();
    }

    int sent() {
      return sent.get();
    }

    void awaitSent(int count) {
      await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= count);
    }

    /** Stops sending; returns how many events were acknowledged. */
    int stop() {
      running.set(false);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return sent.get();
    }

    @Override
    public void close() {
      stop();
      writer.close();
    }
  }

  private static List<ProducerRecord<String, byte[]>> events(String prefix, int perEntity) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (int k = 0; k < perEntity; k++) {
      for (int entity = 0; entity < ENTITIES; entity++) {
        records.add(event(prefix + entity, k));
      }
    }
    return records;
  }

  private static ProducerRecord<String, byte[]> event(String entityId, int k) {
    String json =
        "{\"eventId\":\"%s-%d\",\"entityId\":\"%s\",\"metric\":\"load\",\"value\":%d,\"timestamp\":\"%s\"}"
            .formatted(entityId, k, entityId, 40 + k % 9, START.plusSeconds(k));
    return new ProducerRecord<>("metric-events", entityId, json.getBytes(StandardCharsets.UTF_8));
  }

  /** How many events of each entity named with the prefix the topic holds, from its beginning. */
  private static Map<String, Integer> eventsPerEntity(String bootstrapServers, String prefix) {
    Map<String, Integer> counts = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("metric-events").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          if (record.key() != null && record.key().startsWith(prefix)) {
            counts.merge(record.key(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  private static void upload(RunningSuite suite, String bucket, String name, String text)
      throws Exception {
    Path folder = Files.createTempDirectory("backup-upload");
    Files.writeString(folder.resolve(name), text);
    SuiteCommand upload = SuiteCommand.on(suite, "upload", folder.toString(), "--bucket", bucket);
    assertThat(upload.exitCode()).as(upload.output()).isZero();
  }

  private static void awaitFound(RunningSuite suite, String bucket, String query, String title) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> search(suite, bucket, query).contains(title));
  }

  private static String search(RunningSuite suite, String bucket, String query) {
    return SuiteCommand.on(suite, "search", query, "--collection", bucket, "--k", "3").output();
  }

  private static void awaitTotalEvents(RunningSuite suite, String prefix, int count) {
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              for (int entity = 0; entity < ENTITIES; entity++) {
                assertThat(totalEvents(suite, prefix + entity)).isEqualTo(count);
              }
            });
  }

  private static int totalEvents(RunningSuite suite, String entityId) {
    HttpResponse<byte[]> response = features(suite, entityId);
    assertThat(response.statusCode()).as(entityId).isEqualTo(200);
    return EventJson.tree(response.body()).at("/activity/totalEvents").asInt();
  }

  private static HttpResponse<byte[]> features(RunningSuite suite, String entityId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(suite.url(Component.ENRICH) + "/api/v1/features/" + entityId))
            .header("X-API-Key", suite.apiKey())
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for " + entityId, e);
    }
  }
}
