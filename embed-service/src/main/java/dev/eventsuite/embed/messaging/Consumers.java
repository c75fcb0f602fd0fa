package dev.eventsuite.embed.messaging;

import dev.eventsuite.embed.config.EmbedConfig;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.kafka.LoopOptions;
import dev.eventsuite.platform.kafka.StreamLoops;
import dev.eventsuite.vectors.config.VectorsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Starts embed-service's stream: document chunks in batches, committed to the vector store (and
 * their offsets to Kafka) at the store's commit interval.
 */
@ApplicationScoped
public class Consumers {

  /** About the size of a chunk on the topic: a fetch lingers until a batch's worth is there. */
  private static final int CHUNK_BYTES = 2048;

  void start(
      @Observes StartupEvent event,
      StreamLoops loops,
      SuiteConfig suite,
      EmbedConfig config,
      VectorsConfig vectors,
      ChunksHandler chunks) {
    loops.start(
        "chunks",
        List.of(suite.topics().documentChunks()),
        chunks,
        LoopOptions.polling(config.batchSize())
            .lingering(config.linger(), config.batchSize() * CHUNK_BYTES)
            .checkpointingEvery(vectors.lucene().commitInterval()));
  }
}
