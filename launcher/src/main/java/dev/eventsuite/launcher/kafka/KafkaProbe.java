package dev.eventsuite.launcher.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Asks a broker whether it answers and holds the given topics. */
public final class KafkaProbe {

  private KafkaProbe() {}

  /** Whether the broker answers within two seconds and every topic exists. */
  public static boolean hasTopics(String bootstrapServers, Collection<String> topics) {
    try (Admin admin = EmbeddedKafka.admin(bootstrapServers)) {
      Set<String> existing = admin.listTopics().names().get(2, TimeUnit.SECONDS);
      return existing.containsAll(topics);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
