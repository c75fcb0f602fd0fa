package dev.eventsuite.anomaly.messaging;

import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Starts anomaly-service's stream: features in. */
@ApplicationScoped
public class Consumers {

  private static final int FEATURES_PER_POLL = 2000;

  void start(
      @Observes StartupEvent event,
      StreamLoops loops,
      SuiteConfig suite,
      FeaturesHandler features) {
    loops.start(
        "features",
        List.of(suite.topics().features()),
        features,
        LoopOptions.polling(FEATURES_PER_POLL));
  }
}
