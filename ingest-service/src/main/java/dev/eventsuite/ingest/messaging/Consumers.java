package dev.eventsuite.ingest.messaging;

import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Starts ingest-service's stream: object events in. */
@ApplicationScoped
public class Consumers {

  private static final int OBJECT_EVENTS_PER_POLL = 10;

  void start(
      @Observes StartupEvent event,
      StreamLoops loops,
      SuiteConfig suite,
      ObjectEventsHandler objects) {
    loops.start(
        "objects",
        List.of(suite.topics().objectEvents()),
        objects,
        // One object event may stand for a file of gigabytes, read for longer than a poll interval.
        LoopOptions.polling(OBJECT_EVENTS_PER_POLL).withLongRecords());
  }
}
