package dev.eventsuite.enrich.store;

import dev.eventsuite.enrich.config.EnrichConfig;
import dev.eventsuite.enrich.domain.EntityFeatures;
import dev.eventsuite.enrich.domain.EntityFeaturesCodec;
import dev.eventsuite.enrich.domain.FeatureSettings;
import dev.eventsuite.platform.config.SuiteConfig;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The feature store: each entity's state with the source position it reflects, in H2 locally or
 * Oracle Database in production. Writes are batched upserts in one transaction.
 */
@ApplicationScoped
public class FeatureStore {

  static final Upsert UPSERT =
      new Upsert(
          "entity_features",
          List.of(new Upsert.Key("entity_id", "VARCHAR2(256 CHAR)")),
          List.of(
              "source_topic",
              "source_partition",
              "source_offset",
              "last_event_time",
              "state",
              "updated_at"));

  static final String BY_PARTITION =
      "SELECT state FROM entity_features WHERE source_topic = ? AND source_partition = ?";

  static final String BY_ID = "SELECT state FROM entity_features WHERE entity_id = ?";

  private final StoreDataSource dataSource;
  private final FeatureSettings settings;

  @Inject
  public FeatureStore(StoreDataSource dataSource, EnrichConfig config) {
    this.dataSource = dataSource;
    this.settings = config.features().settings();
  }

  /** Every entity whose last applied event came from the given partition. */
  public Map<String, EntityFeatures> loadPartition(String topic, int partition) {
    Map<String, EntityFeatures> entities = new HashMap<>();
    try (Connection connection = dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(BY_PARTITION)) {
      select.setString(1, topic);
      select.setInt(2, partition);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          EntityFeatures entity = EntityFeaturesCodec.decode(rows.getBytes(1), settings);
          entities.put(entity.entityId(), entity);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot load the features of " + topic + "-" + partition, e);
    }
    return entities;
  }

  public Optional<EntityFeatures> find(String entityId) {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(BY_ID)) {
      select.setString(1, entityId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(EntityFeaturesCodec.decode(rows.getBytes(1), settings))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the features of " + entityId, e);
    }
  }

  /** Upserts the entities in one transaction. */
  public void save(Collection<StoredEntity> entities) {
    if (entities.isEmpty()) {
      return;
    }
    SuiteConfig.Store.Kind kind = dataSource.kind();
    Instant now = Instant.now();
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT.sql(kind))) {
        for (StoredEntity entity : entities) {
          UPSERT.bind(
              upsert,
              kind,
              List.of(entity.entityId()),
              Arrays.asList(
                  entity.source().topic(),
                  entity.source().partition(),
                  entity.source().offset(),
                  entity.lastEventTime(),
                  entity.state(),
                  now));
          upsert.addBatch();
        }
        upsert.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save the features of " + entities.size() + " entities", e);
    }
  }

  private DataSource dataSource() {
    return dataSource.get();
  }
}
