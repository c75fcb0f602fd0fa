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
      case ORACLE ->
          new OracleVectorStore(
              oracle.get(), config.oracle().table(), config.oracle().targetAccuracy());
    };
  }

  /** The shadow index embed-service fills beside its store, when one is configured. */
  public static Optional<VectorStore> shadowWriter(
      VectorsConfig config, Supplier<DataSource> oracle) {
    if (config.shadow().model().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (config.store()) {
          case LUCENE -> {
            Path directory = required(config.shadow().luceneDirectory(), "lucene-directory");
            if (sameFolder(directory, config.lucene().directory())) {
              throw new IllegalStateException(
                  "suite.vectors.shadow.lucene-directory must be another folder than"
                      + " suite.vectors.lucene.directory");
            }
            yield LuceneVectorStore.writable(
                directory,
                config.lucene().candidates(),
                new LuceneVectorStore.Merging(
                    config.lucene().mergeWhenIdle(), config.lucene().mergedSegments()));
          }
          case ORACLE -> {
            String table = shadowTable(config);
            yield new OracleVectorStore(oracle.get(), table, config.oracle().targetAccuracy());
          }
        });
  }

  /** The shadow's Oracle table, another than the store's. */
  public static String shadowTable(VectorsConfig config) {
    String table = required(config.shadow().oracleTable(), "oracle-table");
    if (table.equalsIgnoreCase(config.oracle().table())) {
      throw new IllegalStateException(
          "suite.vectors.shadow.oracle-table must be another table than suite.vectors.oracle.table");
    }
    return table;
  }

  private static <T> T required(Optional<T> value, String key) {
    return value.orElseThrow(
        () ->
            new IllegalStateException(
                "suite.vectors.shadow." + key + " is required with suite.vectors.shadow.model"));
  }

  private static boolean sameFolder(Path one, Path other) {
    return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
  }

  /** The store as search-service reads it; a Lucene reader follows the writer's commits. */
  public static VectorStore reader(VectorsConfig config, Supplier<DataSource> oracle) {
    return switch (config.store()) {
      case LUCENE ->
          LuceneVectorStore.readOnly(
              config.lucene().directory(),
              config.lucene().candidates(),
              config.lucene().refreshInterval());
      case ORACLE ->
          new OracleVectorStore(
              oracle.get(), config.oracle().table(), config.oracle().targetAccuracy());
    };
  }
}
