package dev.eventsuite.platform.store;

import dev.eventsuite.platform.config.SuiteConfig;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An insert-or-update of one row by its key, in the dialect of each store: H2's {@code MERGE ...
 * KEY}, several times faster there, and Oracle's {@code MERGE ... USING DUAL}.
 *
 * @param table the table
 * @param keys the key columns with their SQL types, which Oracle's statement casts its binds to
 * @param columns the other columns
 */
public record Upsert(String table, List<Key> keys, List<String> columns) {

  /** A key column and its SQL type, e.g. {@code entity_id VARCHAR2(256 CHAR)}. */
  public record Key(String name, String type) {}

  public Upsert {
    keys = List.copyOf(keys);
    columns = List.copyOf(columns);
  }

  /** The statement for a store. */
  public String sql(SuiteConfig.Store.Kind kind) {
    return kind == SuiteConfig.Store.Kind.ORACLE ? oracle() : h2();
  }

  /**
   * Binds one row's values in the order the statement takes them. Instants are bound as timestamps,
   * byte arrays as binary.
   */
  public void bind(
      PreparedStatement statement,
      SuiteConfig.Store.Kind kind,
      List<Object> keyValues,
      List<Object> columnValues)
      throws SQLException {
    if (keyValues.size() != keys.size() || columnValues.size() != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + keys.size() + " keys and " + columns.size() + " values");
    }
    List<Object> values = new ArrayList<>(keyValues);
    values.addAll(columnValues);
    if (kind == SuiteConfig.Store.Kind.ORACLE) {
      values.addAll(columnValues); // the INSERT branch takes the values again
    }
    for (int i = 0; i < values.size(); i++) {
      bindOne(statement, i + 1, values.get(i));
    }
  }

  private List<String> keyNames() {
    return keys.stream().map(Key::name).toList();
  }

  private List<String> allColumns() {
    List<String> all = new ArrayList<>(keyNames());
    all.addAll(columns);
    return all;
  }

  private String h2() {
    return "MERGE INTO "
        + table
        + " ("
        + String.join(", ", allColumns())
        + ") KEY ("
        + String.join(", ", keyNames())
        + ") VALUES ("
        + placeholders(allColumns().size())
        + ")";
  }

  private String oracle() {
    String source =
        keys.stream()
            .map(k -> "CAST(? AS " + k.type() + ") AS " + k.name())
            .collect(Collectors.joining(", "));
    String on =
        keyNames().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
    String set = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    String insertValues =
        keyNames().stream().map(k -> "s." + k).collect(Collectors.joining(", "))
            + ", "
            + placeholders(columns.size());
    return "MERGE INTO "
        + table
        + " t USING (SELECT "
        + source
        + " FROM DUAL) s ON ("
        + on
        + ")"
        + " WHEN MATCHED THEN UPDATE SET "
        + set
        + " WHEN NOT MATCHED THEN INSERT ("
        + String.join(", ", allColumns())
        + ") VALUES ("
        + insertValues
        + ")";
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static void bindOne(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof Instant instant) {
      statement.setTimestamp(index, Timestamp.from(instant));
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      statement.setObject(index, value);
    }
  }
}
