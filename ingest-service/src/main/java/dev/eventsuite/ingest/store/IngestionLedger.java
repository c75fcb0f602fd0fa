package dev.eventsuite.ingest.store;

import dev.eventsuite.ingest.domain.ContentKind;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.platform.store.Upsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which object versions have been ingested, and how far an interrupted one got. */
@ApplicationScoped
public class IngestionLedger {

  /** Where an object version stands. */
  public enum Status {
    /** Being ingested; its progress says how far it got. */
    IN_PROGRESS,
    /** Done: every record and section of it was published. */
    INGESTED,
    /** Refused (unsupported, corrupt, too large): its event went to the dead-letter topic. */
    REJECTED,
    /** The object was deleted. */
    DELETED
  }

  /**
   * An object's entry.
   *
   * @param rowsDone tabular objects: rows read and published so far
   * @param rowsHash tabular objects: SHA-256 of the text of those rows
   * @param sections documents: sections published
   */
  public record Entry(
      String namespace,
      String bucket,
      String name,
      String eTag,
      ContentKind kind,
      Status status,
      long rowsDone,
      String rowsHash,
      int sections,
      String detail) {

    public Entry with(Status newStatus, String newDetail) {
      return new Entry(
          namespace, bucket, name, eTag, kind, newStatus, rowsDone, rowsHash, sections, newDetail);
    }
  }

  static final Upsert UPSERT =
      new Upsert(
          "ingested_objects",
          List.of(
              new Upsert.Key("namespace", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("bucket", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("object_name", "VARCHAR2(1024 CHAR)")),
          List.of(
              "etag",
              "kind",
              "status",
              "rows_done",
              "rows_hash",
              "sections",
              "detail",
              "updated_at"));

  private static final String FIND =
      "SELECT etag, kind, status, rows_done, rows_hash, sections, detail FROM ingested_objects"
          + " WHERE namespace = ? AND bucket = ? AND object_name = ?";

  private static final int MAX_DETAIL = 1000;

  private final StoreDataSource dataSource;

  @Inject
  public IngestionLedger(StoreDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Entry> find(String namespace, String bucket, String name) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement find = connection.prepareStatement(FIND)) {
      find.setString(1, namespace);
      find.setString(2, bucket);
      find.setString(3, name);
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                namespace,
                bucket,
                name,
                row.getString(1),
                ContentKind.valueOf(row.getString(2)),
                Status.valueOf(row.getString(3)),
                row.getLong(4),
                row.getString(5),
                row.getInt(6),
                row.getString(7)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the ingestion ledger", e);
    }
  }

  public void save(Entry entry) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT.sql(dataSource.kind()))) {
      UPSERT.bind(
          upsert,
          dataSource.kind(),
          List.of(entry.namespace(), entry.bucket(), entry.name()),
          Arrays.asList(
              entry.eTag(),
              entry.kind().name(),
              entry.status().name(),
              entry.rowsDone(),
              entry.rowsHash(),
              entry.sections(),
              truncate(entry.detail()),
              Instant.now()));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the ingestion ledger", e);
    }
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= MAX_DETAIL
        ? detail
        : detail.substring(0, MAX_DETAIL);
  }
}
