package dev.eventsuite.enrich.messaging;

import dev.eventsuite.enrich.config.EnrichConfig;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Starts enrich-service's two streams: metric events to features, documents to chunks. */
@ApplicationScoped
public class Consumers {

  void start(
      @Observes StartupEvent event,
      StreamLoops loops,
      SuiteConfig suite,
      EnrichConfig config,
      MetricEventsHandler metrics,
      DocumentsHandler documents) {
    loops.start(
        "metrics",
        List.of(suite.topics().metricEvents()),
        metrics,
        LoopOptions.polling(config.features().maxPollRecords())
            .checkpointingEvery(config.features().checkpointInterval()));
    loops.start(
        "documents",
        List.of(suite.topics().documents()),
        documents,
        LoopOptions.polling(config.chunks().maxPollRecords()));
  }
}
