package dev.eventsuite.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what arrives on a topic after the tail was opened, so tests sharing a broker see only their
 * own records.
 */
public final class TopicTail implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  private TopicTail(String bootstrapServers, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Opens a tail of a topic on the given broker. */
  public static TopicTail of(String bootstrapServers, String topic) {
    return new TopicTail(bootstrapServers, topic);
  }

  /** Opens a tail of a topic on the shared test broker. */
  public static TopicTail of(String topic) {
    return of(KafkaTestResource.bootstrapServers(), topic);
  }

  /** Waits up to 30 s until {@code count} records have arrived; returns them in arrival order. */
  public List<ConsumerRecord<String, byte[]>> await(int count) {
    return await(count, r -> true, DEFAULT_TIMEOUT);
  }

  /** Waits until {@code count} records matching the condition have arrived. */
  public List<ConsumerRecord<String, byte[]>> await(
      int count, Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ConsumerRecord<String, byte[]>> matches = seen.stream().filter(matching).toList();
      if (matches.size() >= count || System.nanoTime() > deadline) {
        if (matches.size() < count) {
          throw new AssertionError(
              "expected "
                  + count
                  + " records within "
                  + timeout
                  + " but saw "
                  + matches.size()
                  + " of "
                  + seen.size()
                  + ": "
                  + values(seen));
        }
        return matches;
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
  }

  /**
   * Waits until what has arrived satisfies the condition, e.g. every expected id was seen at least
   * once; returns everything seen.
   */
  public List<ConsumerRecord<String, byte[]>> awaitUntil(
      Predicate<List<ConsumerRecord<String, byte[]>>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the condition did not hold within " + timeout + " after " + seen.size() + " records");
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /**
   * Reads for the given time and returns everything that arrived, to show that nothing else did.
   */
  public List<ConsumerRecord<String, byte[]>> drain(Duration quietPeriod) {
    long deadline = System.nanoTime() + quietPeriod.toNanos();
    while (System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /** A record's value as UTF-8 text. */
  public static String text(ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
  }

  /** A header's value as UTF-8 text, or null. */
  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(TopicTail::text).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
