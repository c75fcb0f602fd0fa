package dev.eventsuite.testing;

import dev.eventsuite.events.Topics;
import dev.eventsuite.launcher.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives a Quarkus test a real Kafka broker, started once per test JVM with every topic of the suite
 * and shared by all test classes, stopped when the JVM exits.
 *
 * <p>The broker is Apache Kafka's KRaft server in the test JVM, or, when the system property
 * {@value #IMAGE} names a broker image, that image run by Testcontainers' {@link KafkaContainer} on
 * whatever Docker-compatible engine {@code DOCKER_HOST} points at (podman's socket on machines
 * without Docker). The image is never pulled: it is the suite's own broker image, built on this
 * machine ({@code deploy/scripts/images}), which is configured as {@code apache/kafka} is.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  /** The system property naming a broker image to run instead of the broker in the test JVM. */
  public static final String IMAGE = "test.kafka.image";

  private static final int PARTITIONS = 3;

  private static String bootstrapServers;

  /** The shared broker's address; the broker starts on first use. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      String image = System.getProperty(IMAGE, "");
      bootstrapServers = image.isBlank() ? inThisJvm() : inAContainer(image);
    }
    return bootstrapServers;
  }

  private static String inThisJvm() {
    EmbeddedKafka broker =
        EmbeddedKafka.builder()
            .partitions(PARTITIONS)
            .topics(Topics.allNamesWithDeadLetters())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
    return broker.bootstrapServers();
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static String inAContainer(String image) {
    KafkaContainer broker =
        new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
            .withImagePullPolicy(name -> false);
    broker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "test-kafka-shutdown"));
    // The image creates the topics once it serves; creating them here as well waits for them.
    EmbeddedKafka.createTopics(
        broker.getBootstrapServers(), Topics.allNamesWithDeadLetters(), PARTITIONS);
    return broker.getBootstrapServers();
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
