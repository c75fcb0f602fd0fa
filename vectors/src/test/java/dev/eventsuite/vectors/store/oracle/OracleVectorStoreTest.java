package dev.eventsuite.vectors.store.oracle;

import dev.eventsuite.testing.ContainerImages;
import dev.eventsuite.testing.RequiresImage;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreContract;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import oracle.jdbc.pool.OracleDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The store contract against Oracle Database Free in a container, with the migrations the services
 * run. Skipped where the image cannot be had.
 */
@Testcontainers
@RequiresImage(ContainerImages.ORACLE_FREE)
class OracleVectorStoreTest extends VectorStoreContract {

  @Container
  static final OracleContainer ORACLE =
      new OracleContainer(ContainerImages.ORACLE_FREE).withStartupAttempts(1);

  private static OracleDataSource dataSource;
  private static OracleVectorStore store;

  @BeforeAll
  static void migrate() throws SQLException {
    dataSource = OracleFree.dataSource(ORACLE);
    Map<String, String> placeholders = new HashMap<>(OracleFree.IVF_INDEX);
    placeholders.put("vector_dimension", String.valueOf(DIMENSION));
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/vectors/oracle")
        .placeholders(placeholders)
        .load()
        .migrate();
    store = new OracleVectorStore(dataSource, 95);
  }

  @BeforeEach
  void empty() throws SQLException {
    OracleFree.empty(dataSource, "vector_chunks");
  }

  @Override
  protected VectorStore store() {
    return store;
  }
}
