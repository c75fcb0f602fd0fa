package dev.eventsuite.vectors.store.oracle;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import oracle.jdbc.pool.OracleDataSource;
import org.testcontainers.oracle.OracleContainer;

/** Oracle Database Free in a container, as the Oracle store's tests use it. */
final class OracleFree {

  /** IVF: HNSW needs a vector memory pool, which this image does not size. */
  static final Map<String, String> IVF_INDEX =
      Map.of(
          "vector_index_organization", "NEIGHBOR PARTITIONS",
          "vector_index_accuracy", "95",
          "vector_index_parameters", "TYPE IVF, NEIGHBOR PARTITIONS 10");

  private OracleFree() {}

  static OracleDataSource dataSource(OracleContainer oracle) throws SQLException {
    OracleDataSource dataSource = new OracleDataSource();
    dataSource.setURL(oracle.getJdbcUrl());
    dataSource.setUser(oracle.getUsername());
    dataSource.setPassword(oracle.getPassword());
    return dataSource;
  }

  static void empty(OracleDataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM " + table);
    }
  }
}
