package dev.eventsuite.testing;

import dev.eventsuite.events.Topics;
import dev.eventsuite.launcher.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test a real Kafka broker: Apache Kafka's KRaft server, started once per test JVM
 * with every topic of the suite and shared by all test classes, stopped when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedKafka broker;

  /** The shared broker, started on first use. */
  public static synchronized EmbeddedKafka broker() {
    if (broker == null) {
      broker = EmbeddedKafka.builder().topics(Topics.allNamesWithDeadLetters()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
    }
    return broker;
  }

  /** The shared broker's address. */
  public static String bootstrapServers() {
    return broker().bootstrapServers();
  }

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  @Override
  public void stop() {
    // The broker outlives each test class so the next one starts without waiting for it.
  }
}
