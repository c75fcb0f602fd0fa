package dev.eventsuite.vectors.store.oracle;

import dev.eventsuite.testing.ContainerImages;
import dev.eventsuite.testing.RequiresImage;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreContract;
import java.sql.SQLException;
import oracle.jdbc.pool.OracleDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The store contract on a table other than {@code vector_chunks}, made (twice: the second time
 * changes nothing) as embed-service makes a shadow index's table. Skipped where the image cannot be
 * had.
 */
@Testcontainers
@RequiresImage(ContainerImages.ORACLE_FREE)
class OracleVectorTableTest extends VectorStoreContract {

  private static final String TABLE = "vector_chunks_next";

  @Container
  static final OracleContainer ORACLE =
      new OracleContainer(ContainerImages.ORACLE_FREE).withStartupAttempts(1);

  private static OracleDataSource dataSource;
  private static OracleVectorStore store;

  @BeforeAll
  static void create() throws SQLException {
    dataSource = OracleFree.dataSource(ORACLE);
    OracleVectorTables.create(dataSource, TABLE, DIMENSION, OracleFree.IVF_INDEX);
    OracleVectorTables.create(dataSource, TABLE, DIMENSION, OracleFree.IVF_INDEX);
    store = new OracleVectorStore(dataSource, TABLE, 95);
  }

  @BeforeEach
  void empty() throws SQLException {
    OracleFree.empty(dataSource, TABLE);
  }

  @Override
  protected VectorStore store() {
    return store;
  }
}
