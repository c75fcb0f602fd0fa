package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.CloudEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one producer: publishes events as JSON with their CloudEvents headers. Sends are
 * asynchronous; callers that must know an event is stored wait on the returned future or call
 * {@link #flush()}.
 */
@Singleton // called for every record: no client proxy in between
public class EventPublisher {

  private final KafkaProducer<String, byte[]> producer;
  private final String source;

  @Inject
  public EventPublisher(
      KafkaClients clients, @ConfigProperty(name = "quarkus.application.name") String service) {
    this.producer = clients.producer(service);
    this.source = "/eventsuite/" + service;
  }

  /** The CloudEvents {@code source} of everything this service publishes. */
  public String source() {
    return source;
  }

  /** Publishes an event as JSON with binary-mode CloudEvents headers. */
  public CompletableFuture<RecordMetadata> publish(
      String topic, String key, Object event, CloudEvent cloudEvent) {
    return send(PreparedEvent.of(topic, key, event, cloudEvent).record());
  }

  /** Sends a record as it is; the callback learns the outcome on the producer's thread. */
  public void send(ProducerRecord<String, byte[]> record, Callback callback) {
    try {
      producer.send(record, callback);
    } catch (RuntimeException e) {
      callback.onCompletion(null, e);
    }
  }

  /** Sends a record as it is. */
  public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              result.complete(metadata);
            } else {
              result.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Blocks until every record sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  /** Closes the producer after the stream loops' last checkpoint, which still publishes. */
  void close(@Observes @Priority(ShutdownOrder.PRODUCER) ShutdownEvent event) {
    producer.close(Duration.ofSeconds(30));
  }
}
