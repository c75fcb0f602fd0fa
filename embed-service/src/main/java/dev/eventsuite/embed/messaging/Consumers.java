package dev.eventsuite.embed.messaging;

import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Starts embed-service's stream: document chunks in batches. */
@ApplicationScoped
public class Consumers {

  private static final int CHUNKS_PER_BATCH = 64;

  void start(
      @Observes StartupEvent event, StreamLoops loops, SuiteConfig suite, ChunksHandler chunks) {
    loops.start(
        "chunks",
        List.of(suite.topics().documentChunks()),
        chunks,
        LoopOptions.polling(CHUNKS_PER_BATCH));
  }
}
