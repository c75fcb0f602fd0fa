package dev.eventsuite.ingest.service;

import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.object.ObjectChange;
import dev.eventsuite.events.object.ObjectChanged;
import dev.eventsuite.events.object.OciObjectEvents;
import dev.eventsuite.ingest.store.StoredObject;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts object events on {@code object-events}, in the OCI Events shape, keyed by object path, and
 * waits until they are stored: every route into ingestion goes through the topic.
 */
@ApplicationScoped
public class ObjectEvents {

  private static final long ACK_SECONDS = 30;

  private final EventPublisher publisher;
  private final String topic;

  @Inject
  public ObjectEvents(EventPublisher publisher, SuiteConfig suite) {
    this.publisher = publisher;
    this.topic = suite.topics().objectEvents();
  }

  /** Announces a change of a local object, as OCI Events announces those of a real bucket. */
  public void announce(StoredObject object, ObjectChange change, Instant at) {
    ObjectChanged event =
        new ObjectChanged(
            EventIds.of(
                "local-object",
                object.namespace(),
                object.bucket(),
                object.name(),
                object.eTag(),
                change),
            change,
            at,
            object.namespace(),
            object.bucket(),
            object.name(),
            change == ObjectChange.DELETED ? null : object.eTag(),
            null,
            Map.of());
    forward(List.of(new Received(event.objectPath(), OciObjectEvents.toJson(event))));
  }

  /** An event as received: its object path and its JSON, unchanged. */
  public record Received(String objectPath, byte[] json) {}

  /** Puts received events on the topic as they came. */
  public void forward(List<Received> events) {
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Received event : events) {
      sends.add(publisher.send(new ProducerRecord<>(topic, event.objectPath(), event.json())));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(ACK_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the broker did not store the object events: " + e.getMessage(), e);
    }
  }
}
