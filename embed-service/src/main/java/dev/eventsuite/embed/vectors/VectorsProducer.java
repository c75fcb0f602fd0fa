package dev.eventsuite.embed.vectors;

import dev.eventsuite.embed.shadow.ShadowIndex;
import dev.eventsuite.oci.OciConfig;
import dev.eventsuite.platform.faults.StoreOutage;
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
import java.util.Optional;

/**
 * The embedding model, its cache and the vector store embed-service writes, and the shadow index
 * when one is configured; where fault injection is on, the store fails during an injected outage.
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
    return EmbeddingCache.create(config.cache(), registry, "embeddings");
  }

  @Produces
  @Singleton
  VectorStore store(VectorsConfig config, StoreDataSource dataSources, StoreOutage outage) {
    VectorStore store = VectorStores.writer(config, dataSources::oracle);
    return outage.enabled() ? new OutageAwareVectorStore(store, outage) : store;
  }

  void close(@Disposes VectorStore store) {
    store.close();
  }

  @Produces
  @Singleton
  Optional<ShadowIndex> shadow(VectorsConfig config, OciConfig oci) {
    return VectorStores.shadowWriter(config)
        .map(
            store ->
                new ShadowIndex(
                    EmbeddingModels.create(
                        config.shadow().model().orElseThrow(), config.model(), oci),
                    store));
  }

  void close(@Disposes Optional<ShadowIndex> shadow) {
    shadow.ifPresent(index -> index.store().close());
  }
}
