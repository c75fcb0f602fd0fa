package dev.eventsuite.vectors.store;

import dev.eventsuite.vectors.config.VectorsConfig;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import dev.eventsuite.vectors.store.oracle.OracleVectorStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The vector store the configuration chooses, for its one writer or its readers. */
public final class VectorStores {

  private VectorStores() {}

  /** The store embed-service writes. */
  public static VectorStore writer(VectorsConfig config, Supplier<DataSource> oracle) {
    return switch (config.store()) {
      case LUCENE ->
          LuceneVectorStore.writable(
              config.lucene().directory(),
              config.lucene().candidates(),
              new LuceneVectorStore.Merging(
                  config.lucene().mergeWhenIdle(), config.lucene().mergedSegments()));
      case ORACLE -> new OracleVectorStore(oracle.get(), config.oracle().targetAccuracy());
    };
  }

  /**
   * The shadow index embed-service fills beside its store, when one is configured. Only the Lucene
   * store has one so far: on Oracle a new model takes a new schema (see the embed-service README).
   */
  public static Optional<VectorStore> shadowWriter(VectorsConfig config) {
    if (config.shadow().model().isEmpty()) {
      return Optional.empty();
    }
    if (config.store() != VectorsConfig.StoreKind.LUCENE) {
      throw new IllegalStateException(
          "suite.vectors.shadow.model is supported with the Lucene store only");
    }
    Path directory =
        config
            .shadow()
            .luceneDirectory()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "suite.vectors.shadow.lucene-directory is required with"
                            + " suite.vectors.shadow.model"));
    if (directory
        .toAbsolutePath()
        .normalize()
        .equals(config.lucene().directory().toAbsolutePath().normalize())) {
      throw new IllegalStateException(
          "suite.vectors.shadow.lucene-directory must be another folder than suite.vectors.lucene.directory");
    }
    return Optional.of(
        LuceneVectorStore.writable(
            directory,
            config.lucene().candidates(),
            new LuceneVectorStore.Merging(
                config.lucene().mergeWhenIdle(), config.lucene().mergedSegments())));
  }

  /** The store as search-service reads it; a Lucene reader follows the writer's commits. */
  public static VectorStore reader(VectorsConfig config, Supplier<DataSource> oracle) {
    return switch (config.store()) {
      case LUCENE ->
          LuceneVectorStore.readOnly(
              config.lucene().directory(),
              config.lucene().candidates(),
              config.lucene().refreshInterval());
      case ORACLE -> new OracleVectorStore(oracle.get(), config.oracle().targetAccuracy());
    };
  }
}
