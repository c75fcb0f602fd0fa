package dev.eventsuite.anomaly.store;

import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.platform.store.Upsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scored events, anomalies and each series' detector state, in H2 locally or Oracle Database in
 * production. A checkpoint writes all three in one transaction; every write is keyed by a stable
 * id, so a replay changes nothing. Scored events are kept in blocks per series (see the migration).
 */
@ApplicationScoped
public class AnomalyStore {

  static final Upsert BLOCK =
      new Upsert(
          "scored_blocks",
          List.of(
              new Upsert.Key("entity_id", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("metric", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("source_partition", "NUMBER(10)"),
              new Upsert.Key("source_offset", "NUMBER(19)")),
          List.of("last_time", "method", "points", "written_at"));

  static final Upsert SERIES =
      new Upsert(
          "series_state",
          List.of(
              new Upsert.Key("entity_id", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("metric", "VARCHAR2(256 CHAR)")),
          List.of(
              "source_topic",
              "source_partition",
              "source_offset",
              "method",
              "detector_state",
              "latest_features",
              "updated_at"));

  /** Inserts an anomaly unless it is there. */
  static final String INSERT_ANOMALY =
      "INSERT INTO anomalies (anomaly_id, entity_id, metric, event_id, event_time, method, score,"
          + " detected_at, body) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL"
          + " WHERE NOT EXISTS (SELECT 1 FROM anomalies WHERE anomaly_id = ?)";

  static final String SERIES_COLUMNS =
      "SELECT entity_id, metric, source_topic, source_partition, source_offset, method,"
          + " detector_state, latest_features FROM series_state";

  private final StoreDataSource dataSource;

  @Inject
  public AnomalyStore(StoreDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes what a checkpoint captured in one transaction. */
  public void save(
      Collection<ScoredEvent> scored,
      Collection<AnomalyDetected> anomalies,
      Collection<StoredSeries> series) {
    SuiteConfig.Store.Kind kind = dataSource.kind();
    Instant now = Instant.now();
    try (Connection connection = dataSource.get().getConnection()) {
      connection.setAutoCommit(false);
      try {
        insertAnomalies(connection, anomalies);
        upsertBlocks(connection, kind, scored, now);
        upsertSeries(connection, kind, series, now);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot save "
              + scored.size()
              + " scored events, "
              + anomalies.size()
              + " anomalies and "
              + series.size()
              + " series",
          e);
    }
  }

  /** Every series whose latest features came from the given partition. */
  public List<StoredSeries> loadPartition(String topic, int partition) {
    return querySeries(
        SERIES_COLUMNS + " WHERE source_topic = ? AND source_partition = ?", topic, partition);
  }

  public Optional<StoredSeries> findSeries(SeriesKey key) {
    return querySeries(
            SERIES_COLUMNS + " WHERE entity_id = ? AND metric = ?", key.entityId(), key.metric())
        .stream()
        .findFirst();
  }

  /** An entity's series, the metrics it has been scored on. */
  public List<StoredSeries> findSeries(String entityId) {
    return querySeries(SERIES_COLUMNS + " WHERE entity_id = ? ORDER BY metric", entityId);
  }

  /**
   * Anomalies by event time, latest first.
   *
   * @param entityId one entity's only; null for all
   * @param since from this event time on, inclusive
   * @param until before this event time
   */
  public List<AnomalyDetected> anomalies(String entityId, Instant since, Instant until, int limit) {
    String sql =
        "SELECT body FROM anomalies WHERE event_time >= ? AND event_time < ?"
            + (entityId == null ? "" : " AND entity_id = ?")
            + " ORDER BY event_time DESC, anomaly_id FETCH FIRST ? ROWS ONLY";
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      select.setTimestamp(index++, Timestamp.from(since));
      select.setTimestamp(index++, Timestamp.from(until));
      if (entityId != null) {
        select.setString(index++, entityId);
      }
      select.setInt(index, limit);
      List<AnomalyDetected> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              EventJson.fromBytes(
                  rows.getString(1).getBytes(StandardCharsets.UTF_8), AnomalyDetected.class));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read anomalies", e);
    }
  }

  /**
   * An entity's scored events from a time on, oldest first: the latest {@code limit} of them.
   * Blocks are read newest first until no older block can hold one of the latest; an event in two
   * blocks (written by two instances around a rebalance) counts once.
   *
   * @param metric one metric's only; null for all
   */
  public List<ScoredEvent> series(String entityId, String metric, Instant since, int limit) {
    String sql =
        "SELECT metric, method, written_at, points, last_time FROM scored_blocks"
            + " WHERE entity_id = ? AND last_time >= ?"
            + (metric == null ? "" : " AND metric = ?")
            + " ORDER BY last_time DESC";
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, entityId);
      select.setTimestamp(2, Timestamp.from(since));
      if (metric != null) {
        select.setString(3, metric);
      }
      Map<String, ScoredEvent> found = new HashMap<>();
      Instant oldestNeeded = null;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Instant lastTime = rows.getTimestamp(5).toInstant();
          if (oldestNeeded != null && lastTime.isBefore(oldestNeeded)) {
            break;
          }
          for (ScoredEvent event :
              ScoredBlocks.decode(
                  entityId,
                  rows.getString(1),
                  rows.getString(2),
                  rows.getTimestamp(3).toInstant(),
                  rows.getBytes(4))) {
            if (!event.eventTime().isBefore(since)) {
              found.putIfAbsent(event.eventId(), event);
            }
          }
          if (found.size() >= limit) {
            oldestNeeded = latest(found.values(), limit).get(0).eventTime();
          }
        }
      }
      return latest(found.values(), limit);
    } catch (SQLException e) {
      throw new StoreException("cannot read the series of " + entityId, e);
    }
  }

  /** The latest {@code limit} events, oldest first. */
  private static List<ScoredEvent> latest(Collection<ScoredEvent> events, int limit) {
    List<ScoredEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(ScoredEvent::eventTime).thenComparing(ScoredEvent::eventId));
    return sorted.subList(Math.max(0, sorted.size() - limit), sorted.size());
  }

  /**
   * Deletes scored events and anomalies stored before a time.
   *
   * @return the rows deleted
   */
  public int purge(Instant before) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement scored =
            connection.prepareStatement("DELETE FROM scored_blocks WHERE written_at < ?");
        PreparedStatement anomalies =
            connection.prepareStatement("DELETE FROM anomalies WHERE detected_at < ?")) {
      scored.setTimestamp(1, Timestamp.from(before));
      anomalies.setTimestamp(1, Timestamp.from(before));
      return scored.executeUpdate() + anomalies.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot delete what was stored before " + before, e);
    }
  }

  private static void insertAnomalies(Connection connection, Collection<AnomalyDetected> anomalies)
      throws SQLException {
    if (anomalies.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ANOMALY)) {
      for (AnomalyDetected anomaly : anomalies) {
        insert.setString(1, anomaly.anomalyId());
        insert.setString(2, anomaly.entityId());
        insert.setString(3, SeriesKey.of(anomaly.entityId(), anomaly.metric()).metric());
        insert.setString(4, anomaly.eventId());
        insert.setTimestamp(5, Timestamp.from(anomaly.eventTime()));
        insert.setString(6, anomaly.method());
        insert.setDouble(7, anomaly.score());
        insert.setTimestamp(8, Timestamp.from(anomaly.detectedAt()));
        insert.setString(9, EventJson.toJson(anomaly));
        insert.setString(10, anomaly.anomalyId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Writes each series' events in blocks of at most {@link ScoredBlocks#MAX_EVENTS}. */
  private static void upsertBlocks(
      Connection connection,
      SuiteConfig.Store.Kind kind,
      Collection<ScoredEvent> scored,
      Instant now)
      throws SQLException {
    if (scored.isEmpty()) {
      return;
    }
    Map<SeriesKey, List<ScoredEvent>> bySeries = new LinkedHashMap<>();
    for (ScoredEvent event : scored) {
      bySeries
          .computeIfAbsent(new SeriesKey(event.entityId(), event.metric()), k -> new ArrayList<>())
          .add(event);
    }
    try (PreparedStatement upsert = connection.prepareStatement(BLOCK.sql(kind))) {
      for (Map.Entry<SeriesKey, List<ScoredEvent>> series : bySeries.entrySet()) {
        List<ScoredEvent> events = series.getValue();
        for (int from = 0; from < events.size(); from += ScoredBlocks.MAX_EVENTS) {
          List<ScoredEvent> block =
              events.subList(from, Math.min(events.size(), from + ScoredBlocks.MAX_EVENTS));
          ScoredEvent first = block.get(0);
          BLOCK.bind(
              upsert,
              kind,
              List.of(
                  series.getKey().entityId(),
                  series.getKey().metric(),
                  first.position().partition(),
                  first.position().offset()),
              Arrays.asList(
                  block.stream().map(ScoredEvent::eventTime).max(Comparator.naturalOrder()).get(),
                  first.method(),
                  ScoredBlocks.encode(block),
                  now));
          upsert.addBatch();
        }
      }
      upsert.executeBatch();
    }
  }

  private static void upsertSeries(
      Connection connection,
      SuiteConfig.Store.Kind kind,
      Collection<StoredSeries> series,
      Instant now)
      throws SQLException {
    if (series.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(SERIES.sql(kind))) {
      for (StoredSeries one : series) {
        SERIES.bind(
            upsert,
            kind,
            List.of(one.key().entityId(), one.key().metric()),
            Arrays.asList(
                one.position().topic(),
                one.position().partition(),
                one.position().offset(),
                one.method(),
                one.detectorState(),
                one.latest() == null ? null : EventJson.toBytes(one.latest()),
                now));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private List<StoredSeries> querySeries(String sql, Object... parameters) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      List<StoredSeries> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byte[] latest = rows.getBytes(8);
          byte[] state = rows.getBytes(7);
          found.add(
              new StoredSeries(
                  new SeriesKey(rows.getString(1), rows.getString(2)),
                  new SourcePosition(rows.getString(3), rows.getInt(4), rows.getLong(5)),
                  rows.getString(6),
                  state == null ? new byte[0] : state,
                  latest == null ? null : EventJson.fromBytes(latest, FeaturesUpdated.class)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read series state", e);
    }
  }
}
