package dev.eventsuite.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.platform.config.SuiteConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertTest {

  private static final Upsert ITEMS =
      new Upsert(
          "items",
          List.of(new Upsert.Key("ns", "VARCHAR2(10)"), new Upsert.Key("id", "VARCHAR2(10)")),
          List.of("label", "size"));

  @Test
  void shouldWriteOracleMergeUsingDual() {
    assertThat(ITEMS.sql(SuiteConfig.Store.Kind.ORACLE))
        .isEqualTo(
            "MERGE INTO items t USING (SELECT CAST(? AS VARCHAR2(10)) AS ns, CAST(? AS VARCHAR2(10)) AS id FROM DUAL) s"
                + " ON (t.ns = s.ns AND t.id = s.id)"
                + " WHEN MATCHED THEN UPDATE SET label = ?, size = ?"
                + " WHEN NOT MATCHED THEN INSERT (ns, id, label, size) VALUES (s.ns, s.id, ?, ?)");
  }

  @Test
  void shouldWriteH2MergeByKey() {
    assertThat(ITEMS.sql(SuiteConfig.Store.Kind.H2))
        .isEqualTo("MERGE INTO items (ns, id, label, size) KEY (ns, id) VALUES (?, ?, ?, ?)");
  }

  @Test
  void shouldInsertThenUpdateTheSameRowInEitherDialect() throws Exception {
    // H2 in Oracle mode also runs Oracle's MERGE, so both statements are exercised here.
    for (SuiteConfig.Store.Kind kind : SuiteConfig.Store.Kind.values()) {
      try (Connection connection =
          DriverManager.getConnection("jdbc:h2:mem:upsert-" + kind + ";MODE=Oracle")) {
        connection
            .createStatement()
            .execute(
                "CREATE TABLE items (ns VARCHAR2(10), id VARCHAR2(10), label VARCHAR2(20), size NUMBER(10), PRIMARY KEY (ns, id))");
        upsert(connection, kind, "first", 1);
        upsert(connection, kind, "second", 2);

        try (ResultSet rows =
            connection.createStatement().executeQuery("SELECT label, size FROM items")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1) + "/" + rows.getInt(2))
              .as(kind.name())
              .isEqualTo("second/2");
          assertThat(rows.next()).isFalse();
        }
      }
    }
  }

  private static void upsert(
      Connection connection, SuiteConfig.Store.Kind kind, String label, int size) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(ITEMS.sql(kind))) {
      ITEMS.bind(statement, kind, List.of("a", "b"), List.of(label, size));
      statement.executeUpdate();
    }
  }
}
