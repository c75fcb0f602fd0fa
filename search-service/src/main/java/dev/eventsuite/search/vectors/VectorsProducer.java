package dev.eventsuite.search.vectors;

import dev.eventsuite.oci.OciConfig;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.vectors.config.VectorsConfig;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.embedding.EmbeddingModels;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStores;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The embedding model and cache (the same library embed-service uses), and the vector store
 * embed-service writes, opened for reading.
 */
public class VectorsProducer {

  @Produces
  @Singleton
  EmbeddingModel model(VectorsConfig config, OciConfig oci) {
    return EmbeddingModels.create(config.model(), oci);
  }

  @Produces
  @Singleton
  EmbeddingCache cache(VectorsConfig config, MeterRegistry registry) {
    return EmbeddingCache.create(config.cache(), registry, "query-embeddings");
  }

  @Produces
  @Singleton
  VectorStore store(VectorsConfig config, StoreDataSource dataSources) {
    return VectorStores.reader(config, dataSources::oracle);
  }

  void close(@Disposes VectorStore store) {
    store.close();
  }
}
