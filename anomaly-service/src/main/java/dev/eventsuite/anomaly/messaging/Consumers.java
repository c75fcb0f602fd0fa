package dev.eventsuite.anomaly.messaging;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Starts anomaly-service's stream: features in, scored at once, stored at each checkpoint. */
@ApplicationScoped
public class Consumers {

  void start(
      @Observes StartupEvent event,
      StreamLoops loops,
      SuiteConfig suite,
      AnomalyConfig config,
      FeaturesHandler features) {
    loops.start(
        "features",
        List.of(suite.topics().features()),
        features,
        LoopOptions.polling(config.stream().maxPollRecords())
            .checkpointingEvery(config.stream().checkpointInterval()));
  }
}
