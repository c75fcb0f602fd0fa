package dev.eventsuite.anomaly.store;

import dev.eventsuite.events.anomaly.AnomalyDetected;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.platform.store.Upsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What alert delivery decided and delivered, kept beside the anomalies: each entity's suppression
 * interval and each notifier that accepted an alert. Alerts are delivered at least once from the
 * {@code anomalies} topic, so the same record can come again after a crash; the ledger makes it
 * give the same decision and go only to the notifiers that have not accepted it.
 */
@ApplicationScoped
public class AlertLedger {

  static final Upsert INTERVAL =
      new Upsert(
          "alert_intervals",
          List.of(new Upsert.Key("entity_id", "VARCHAR2(256 CHAR)")),
          List.of(
              "started_at",
              "anomaly_id",
              "carried",
              "suppressed",
              "source_partition",
              "source_offset"));

  static final Upsert DELIVERY =
      new Upsert(
          "alert_deliveries",
          List.of(
              new Upsert.Key("anomaly_id", "VARCHAR2(256 CHAR)"),
              new Upsert.Key("notifier", "VARCHAR2(64 CHAR)")),
          List.of("delivered_at"));

  /**
   * What to do with an anomaly.
   *
   * @param alert whether to alert about it; false when its entity's interval holds it back
   * @param carried with an alert, how many anomalies the previous interval held back
   * @param repeated whether this record was decided before, its decision given again
   */
  public record Decision(boolean alert, long carried, boolean repeated) {}

  /** An entity's current interval, as stored. */
  private record Interval(
      Instant start, String anomalyId, long carried, long suppressed, int partition, long offset) {

    /** Whether the record at this position was decided already: an entity keeps its partition. */
    boolean decided(int recordPartition, long recordOffset) {
      return partition == recordPartition && recordOffset <= offset;
    }
  }

  private final StoreDataSource dataSource;

  @Inject
  public AlertLedger(StoreDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Decides whether an anomaly read from a position of the anomalies topic is alerted: the first of
   * its entity in an interval is, the others are held back and counted. An anomaly whose id was
   * alerted is alerted again (to the notifiers that have not accepted it); a record decided before
   * gets its earlier decision and changes nothing.
   */
  public Decision decide(
      AnomalyDetected anomaly, int partition, long offset, Instant now, Duration suppression) {
    SuiteConfig.Store.Kind kind = dataSource.kind();
    try (Connection connection = dataSource.get().getConnection()) {
      connection.setAutoCommit(false);
      try {
        Interval interval = interval(connection, anomaly.entityId());
        Decision decision;
        Interval next;
        if (interval != null && interval.anomalyId().equals(anomaly.anomalyId())) {
          decision = new Decision(true, interval.carried(), true);
          next = null;
        } else if (interval != null && interval.decided(partition, offset)) {
          decision = new Decision(false, 0, true);
          next = null;
        } else if (interval != null
            && Duration.between(interval.start(), now).compareTo(suppression) < 0) {
          decision = new Decision(false, 0, false);
          next =
              new Interval(
                  interval.start(),
                  interval.anomalyId(),
                  interval.carried(),
                  interval.suppressed() + 1,
                  partition,
                  offset);
        } else {
          long carried = interval == null ? 0 : interval.suppressed();
          decision = new Decision(true, carried, false);
          next = new Interval(now, anomaly.anomalyId(), carried, 0, partition, offset);
        }
        if (next != null) {
          write(connection, kind, anomaly.entityId(), next);
        }
        connection.commit();
        return decision;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot decide the alert of " + anomaly.anomalyId(), e);
    }
  }

  /** The notifiers that accepted an anomaly's alert. */
  public Set<String> deliveredTo(String anomalyId) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT notifier FROM alert_deliveries WHERE anomaly_id = ?")) {
      select.setString(1, anomalyId);
      Set<String> notifiers = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          notifiers.add(rows.getString(1));
        }
      }
      return notifiers;
    } catch (SQLException e) {
      throw new StoreException("cannot read the deliveries of " + anomalyId, e);
    }
  }

  /** Records that a notifier accepted an anomaly's alert. */
  public void delivered(String anomalyId, String notifier, Instant at) {
    SuiteConfig.Store.Kind kind = dataSource.kind();
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement upsert = connection.prepareStatement(DELIVERY.sql(kind))) {
      DELIVERY.bind(upsert, kind, List.of(anomalyId, notifier), List.of(at));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the delivery of " + anomalyId, e);
    }
  }

  /**
   * Deletes deliveries recorded before a time: their records are long committed.
   *
   * @return the rows deleted
   */
  public int purge(Instant before) {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM alert_deliveries WHERE delivered_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(before));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot delete deliveries recorded before " + before, e);
    }
  }

  private static Interval interval(Connection connection, String entityId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT started_at, anomaly_id, carried, suppressed, source_partition, source_offset"
                + " FROM alert_intervals WHERE entity_id = ?")) {
      select.setString(1, entityId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        return new Interval(
            rows.getTimestamp(1).toInstant(),
            rows.getString(2),
            rows.getLong(3),
            rows.getLong(4),
            rows.getInt(5),
            rows.getLong(6));
      }
    }
  }

  private static void write(
      Connection connection, SuiteConfig.Store.Kind kind, String entityId, Interval interval)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(INTERVAL.sql(kind))) {
      INTERVAL.bind(
          upsert,
          kind,
          List.of(entityId),
          List.of(
              interval.start(),
              interval.anomalyId(),
              interval.carried(),
              interval.suppressed(),
              interval.partition(),
              interval.offset()));
      upsert.executeUpdate();
    }
  }
}
