package dev.eventsuite.vectors.store.oracle;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Vector tables other than {@code vector_chunks}, each of the same shape with the dimension of the
 * model it holds, made by the {@code db/vectors/oracle-table} migration with a history table of its
 * own ({@code <table>_history}), so that making one is safe to repeat.
 */
public final class OracleVectorTables {

  /** The table the services' own migrations make. */
  public static final String DEFAULT_TABLE = OracleVectorSql.DEFAULT_TABLE;

  private OracleVectorTables() {}

  /**
   * Makes the table unless it exists.
   *
   * @param table an unquoted identifier other than {@code vector_chunks}
   * @param dimension the length of the vectors it holds
   * @param indexSettings the vector index's {@code vector_index_organization}, {@code
   *     vector_index_accuracy} and {@code vector_index_parameters}, as the services' migrations
   *     take them
   */
  public static void create(
      DataSource dataSource, String table, int dimension, Map<String, String> indexSettings) {
    if (!OracleVectorSql.TABLE_NAME.matcher(table).matches()
        || table.equalsIgnoreCase(DEFAULT_TABLE)) {
      throw new IllegalArgumentException("not a vector table this can make: " + table);
    }
    Map<String, String> placeholders = new HashMap<>(indexSettings);
    placeholders.put("table", table);
    placeholders.put("vector_dimension", String.valueOf(dimension));
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/vectors/oracle-table")
        .table(table + "_history")
        .placeholders(placeholders)
        .load()
        .migrate();
  }
}
