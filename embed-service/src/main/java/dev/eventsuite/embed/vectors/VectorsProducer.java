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
import dev.eventsuite.vectors.store.oracle.OracleVectorTables;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The embedding model, its cache and the vector store embed-service writes, and the shadow index
 * when one is configured. An Oracle table other than {@code vector_chunks}, the store's or the
 * shadow's, is made here when missing, with its model's dimension. Where fault injection is on, the
 * store fails during an injected outage.
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
  VectorStore store(
      VectorsConfig config,
      EmbeddingModel model,
      StoreDataSource dataSources,
      StoreOutage outage,
      Config settings) {
    if (config.store() == VectorsConfig.StoreKind.ORACLE
        && !config.oracle().table().equalsIgnoreCase(OracleVectorTables.DEFAULT_TABLE)) {
      OracleVectorTables.create(
          dataSources.oracle(),
          config.oracle().table(),
          model.info().dimension(),
          indexSettings(settings));
    }
    VectorStore store = VectorStores.writer(config, dataSources::oracle);
    return outage.enabled() ? new OutageAwareVectorStore(store, outage) : store;
  }

  void close(@Disposes VectorStore store) {
    store.close();
  }

  @Produces
  @Singleton
  Optional<ShadowIndex> shadow(
      VectorsConfig config, OciConfig oci, StoreDataSource dataSources, Config settings) {
    return config
        .shadow()
        .model()
        .map(
            kind -> {
              EmbeddingModel model = EmbeddingModels.create(kind, config.model(), oci);
              if (config.store() == VectorsConfig.StoreKind.ORACLE) {
                OracleVectorTables.create(
                    dataSources.oracle(),
                    VectorStores.shadowTable(config),
                    model.info().dimension(),
                    indexSettings(settings));
              }
              return new ShadowIndex(
                  model, VectorStores.shadowWriter(config, dataSources::oracle).orElseThrow());
            });
  }

  /** The vector index settings the services' own migration is given. */
  private static Map<String, String> indexSettings(Config settings) {
    Map<String, String> placeholders = new HashMap<>();
    for (String name :
        List.of("vector_index_organization", "vector_index_accuracy", "vector_index_parameters")) {
      placeholders.put(
          name, settings.getValue("quarkus.flyway.oracle.placeholders." + name, String.class));
    }
    return placeholders;
  }

  void close(@Disposes Optional<ShadowIndex> shadow) {
    shadow.ifPresent(index -> index.store().close());
  }
}
