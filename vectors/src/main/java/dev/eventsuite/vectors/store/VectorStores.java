package dev.eventsuite.vectors.store;

import dev.eventsuite.vectors.config.VectorsConfig;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import dev.eventsuite.vectors.store.oracle.OracleVectorStore;
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
