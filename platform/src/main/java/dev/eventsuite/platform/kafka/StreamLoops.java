package dev.eventsuite.platform.kafka;

import dev.eventsuite.platform.config.SuiteConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the service's {@link StreamLoop}s and stops them, with a last checkpoint, on shutdown. */
@ApplicationScoped
public class StreamLoops {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClients clients;
  private final EventPublisher publisher;
  private final MeterRegistry registry;
  private final SuiteConfig config;
  private final String service;
  private final List<StreamLoop> loops = new CopyOnWriteArrayList<>();

  @Inject
  public StreamLoops(
      KafkaClients clients,
      EventPublisher publisher,
      MeterRegistry registry,
      SuiteConfig config,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.clients = clients;
    this.publisher = publisher;
    this.registry = registry;
    this.config = config;
    this.service = service;
  }

  /**
   * Starts a loop consuming the topics in its own consumer group, {@code <service>.<name>}.
   *
   * @param name names the loop in logs, metrics, health and its consumer group
   */
  public StreamLoop start(
      String name, List<String> topics, StreamHandler handler, LoopOptions options) {
    String group = service + "." + name;
    Duration checkpointInterval =
        options.checkpointInterval() != null
            ? options.checkpointInterval()
            : config.kafka().commitInterval();
    StreamLoop loop =
        new StreamLoop(
            name,
            topics,
            handler,
            clients.consumer(group, group, options),
            publisher,
            service,
            new StreamLoop.Settings(
                checkpointInterval,
                config.kafka().maxAttempts(),
                config.kafka().maxBackoff(),
                options.longRecords()),
            registry);
    loops.add(loop);
    loop.start();
    return loop;
  }

  /** The loops started so far. */
  public List<StreamLoop> loops() {
    return List.copyOf(loops);
  }

  void stopAll(@Observes @Priority(ShutdownOrder.CONSUMERS) ShutdownEvent event) {
    loops.forEach(loop -> loop.stop(STOP_TIMEOUT));
  }
}
