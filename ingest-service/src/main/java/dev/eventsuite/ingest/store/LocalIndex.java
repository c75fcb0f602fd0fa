package dev.eventsuite.ingest.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.platform.store.Upsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of the files in local buckets: the version (SHA-256 of the content) of a file at a
 * given size and modification time, so unchanged files are not read again, and the content type and
 * user metadata an upload stored with it.
 */
@ApplicationScoped
public class LocalIndex {

  /** A file as last seen. */
  public record Indexed(
      String bucket,
      String name,
      String eTag,
      long size,
      long modifiedNanos,
      String contentType,
      Map<String, String> userMetadata) {}

  static final Upsert UPSERT =
      new Upsert(
          "local_objects",
          List.of(
              new Upsert.Key("bucket", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("object_name", "VARCHAR2(1024 CHAR)")),
          List.of("etag", "size_bytes", "modified_nanos", "content_type", "user_metadata"));

  private static final String COLUMNS =
      "bucket, object_name, etag, size_bytes, modified_nanos, content_type, user_metadata";
  private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};

  private final StoreDataSource dataSource;

  @Inject
  public LocalIndex(StoreDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Indexed> find(String bucket, String name) {
    List<Indexed> found =
        query(
            "SELECT " + COLUMNS + " FROM local_objects WHERE bucket = ? AND object_name = ?",
            bucket,
            name);
    return found.stream().findFirst();
  }

  /** Every indexed file. */
  public List<Indexed> all() {
    return query("SELECT " + COLUMNS + " FROM local_objects");
  }

  public void save(Indexed indexed) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT.sql(dataSource.kind()))) {
      UPSERT.bind(
          upsert,
          dataSource.kind(),
          List.of(indexed.bucket(), indexed.name()),
          Arrays.asList(
              indexed.eTag(),
              indexed.size(),
              indexed.modifiedNanos(),
              indexed.contentType(),
              indexed.userMetadata().isEmpty() ? null : EventJson.toJson(indexed.userMetadata())));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the local bucket index", e);
    }
  }

  public void remove(String bucket, String name) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM local_objects WHERE bucket = ? AND object_name = ?")) {
      delete.setString(1, bucket);
      delete.setString(2, name);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the local bucket index", e);
    }
  }

  private List<Indexed> query(String sql, String... parameters) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      List<Indexed> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Indexed(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getLong(4),
                  row.getLong(5),
                  row.getString(6),
                  metadata(row.getString(7))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the local bucket index", e);
    }
  }

  private static Map<String, String> metadata(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return EventJson.mapper().readValue(json, METADATA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
