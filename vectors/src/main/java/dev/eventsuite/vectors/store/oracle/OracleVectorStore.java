package dev.eventsuite.vectors.store.oracle;

import dev.eventsuite.vectors.embedding.Vectors;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.CollectionInfo;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.MetadataJson;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreException;
import dev.eventsuite.vectors.store.VectorWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import oracle.jdbc.OracleType;

/**
 * The vector store in Oracle Database 23ai: table {@code vector_chunks} with a {@code VECTOR}
 * column and a vector index (created by the {@code db/vectors/oracle} migrations), or another table
 * of the same shape made by {@link OracleVectorTables}, searched with {@code VECTOR_DISTANCE(...,
 * COSINE)} and {@code FETCH APPROX FIRST k ROWS ONLY WITH TARGET ACCURACY}, filters applied in the
 * same statement. Each {@link #apply} is one transaction, so a new document version replaces the
 * old at once.
 */
public final class OracleVectorStore implements VectorStore {

  private final DataSource dataSource;
  private final OracleVectorSql sql;
  private final int targetAccuracy;

  /**
   * The store in the table the services' migrations make, {@code vector_chunks}.
   *
   * @param targetAccuracy the accuracy, in percent, approximate searches ask the vector index for
   */
  public OracleVectorStore(DataSource dataSource, int targetAccuracy) {
    this(dataSource, OracleVectorSql.DEFAULT_TABLE, targetAccuracy);
  }

  /**
   * The store in another table of the same shape (see {@link OracleVectorTables}).
   *
   * @param table an unquoted identifier
   * @param targetAccuracy the accuracy, in percent, approximate searches ask the vector index for
   */
  public OracleVectorStore(DataSource dataSource, String table, int targetAccuracy) {
    if (targetAccuracy < 1 || targetAccuracy > 100) {
      throw new IllegalArgumentException("the target accuracy is a percentage: 1 to 100");
    }
    this.dataSource = dataSource;
    this.sql = new OracleVectorSql(table);
    this.targetAccuracy = targetAccuracy;
  }

  @Override
  public void apply(List<VectorWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(sql.upsert())) {
        int pending = 0;
        for (VectorWrite write : writes) {
          if (write instanceof VectorWrite.Upsert each) {
            bindUpsert(upsert, each.chunk());
            upsert.addBatch();
            pending++;
            continue;
          }
          if (pending > 0) {
            upsert.executeBatch();
            pending = 0;
          }
          delete(connection, write);
        }
        if (pending > 0) {
          upsert.executeBatch();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new VectorStoreException("writing to the Oracle vector store failed", e);
    }
  }

  /** Each {@link #apply} commits its own transaction. */
  @Override
  public void commit() {}

  @Override
  public List<Hit> nearest(float[] query, int k, ChunkFilter filter) {
    OracleVectorSql.Statement statement =
        sql.nearest(Vectors.normalised(query), k, filter, targetAccuracy);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      bind(select, statement.binds());
      List<Hit> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(hit(rows, 1 - rows.getDouble("distance")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new VectorStoreException("searching the Oracle vector store failed", e);
    }
  }

  @Override
  public List<Hit> keyword(String query, int k, ChunkFilter filter) {
    OracleVectorSql.Statement statement = sql.keyword(query, k, filter);
    if (statement == null) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      bind(select, statement.binds());
      List<Hit> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(hit(rows, rows.getDouble("relevance")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new VectorStoreException("searching the Oracle vector store's text failed", e);
    }
  }

  /** Oracle has no cheap change counter: results may be cached only for a short time. */
  @Override
  public long version() {
    return -1;
  }

  @Override
  public List<StoredChunk> chunks(List<String> chunkIds) {
    if (chunkIds.isEmpty()) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.chunks(chunkIds.size()))) {
      bind(select, List.copyOf(chunkIds));
      Map<String, StoredChunk> found = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          StoredChunk chunk = chunk(rows);
          found.put(chunk.chunkId(), chunk);
        }
      }
      return chunkIds.stream().map(found::get).filter(Objects::nonNull).toList();
    } catch (SQLException e) {
      throw new VectorStoreException("reading the Oracle vector store failed", e);
    }
  }

  private static Hit hit(ResultSet rows, double score) throws SQLException {
    return new Hit(
        rows.getString("chunk_id"),
        rows.getString("document_id"),
        instant(rows, "changed_at"),
        score);
  }

  @Override
  public List<StoredChunk> documentChunks(String documentId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.documentChunks())) {
      select.setString(1, documentId);
      List<StoredChunk> chunks = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          chunks.add(chunk(rows));
        }
      }
      return chunks;
    } catch (SQLException e) {
      throw new VectorStoreException("reading the Oracle vector store failed", e);
    }
  }

  @Override
  public List<String> documentIds(ChunkFilter filter, int limit) {
    return ids(sql.documentIds(filter, limit));
  }

  @Override
  public List<String> documentIdsAfter(String after, int limit) {
    return ids(sql.documentIdsAfter(after, limit));
  }

  private List<String> ids(OracleVectorSql.Statement statement) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      bind(select, statement.binds());
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new VectorStoreException("reading the Oracle vector store failed", e);
    }
  }

  @Override
  public long count(ChunkFilter filter) {
    OracleVectorSql.Statement statement = sql.count(filter);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      bind(select, statement.binds());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new VectorStoreException("counting in the Oracle vector store failed", e);
    }
  }

  @Override
  public List<CollectionInfo> collections() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.collections());
        ResultSet rows = select.executeQuery()) {
      List<CollectionInfo> collections = new ArrayList<>();
      while (rows.next()) {
        collections.add(
            new CollectionInfo(
                rows.getString("collection"), rows.getLong("chunks"), rows.getString("model")));
      }
      return collections;
    } catch (SQLException e) {
      throw new VectorStoreException("reading the Oracle vector store failed", e);
    }
  }

  /** The datasource belongs to the caller. */
  @Override
  public void close() {}

  private void delete(Connection connection, VectorWrite write) throws SQLException {
    String statement;
    List<Object> binds;
    if (write instanceof VectorWrite.KeepOnlyVersion keep) {
      statement = sql.keepOnlyVersion();
      binds = List.of(keep.documentId(), keep.version());
    } else if (write instanceof VectorWrite.RemoveDocument remove) {
      statement = sql.removeDocument();
      binds = List.of(remove.documentId());
    } else {
      throw new IllegalArgumentException("not a removal: " + write);
    }
    try (PreparedStatement delete = connection.prepareStatement(statement)) {
      bind(delete, binds);
      delete.executeUpdate();
    }
  }

  private static void bindUpsert(PreparedStatement statement, StoredChunk chunk)
      throws SQLException {
    List<Object> values =
        Arrays.asList(
            chunk.collection(),
            chunk.documentId(),
            chunk.documentVersion(),
            chunk.sectionIndex(),
            chunk.chunkIndex(),
            chunk.text(),
            chunk.contentHash(),
            chunk.title(),
            chunk.category(),
            chunk.source(),
            chunk.contentType(),
            chunk.language(),
            chunk.createdAt(),
            chunk.updatedAt(),
            MetadataJson.write(chunk.metadata()),
            chunk.model(),
            Vectors.normalised(chunk.vector()));
    List<Object> binds = new ArrayList<>();
    binds.add(chunk.chunkId());
    binds.addAll(values);
    binds.addAll(values);
    bind(statement, binds);
  }

  static void bind(PreparedStatement statement, List<Object> binds) throws SQLException {
    for (int i = 0; i < binds.size(); i++) {
      int index = i + 1;
      Object value = binds.get(i);
      if (value == null) {
        statement.setNull(index, Types.VARCHAR);
      } else if (value instanceof float[] vector) {
        statement.setObject(index, vector, OracleType.VECTOR_FLOAT32);
      } else if (value instanceof Instant instant) {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value instanceof Integer number) {
        statement.setInt(index, number);
      } else if (value instanceof String text) {
        statement.setString(index, text);
      } else {
        throw new IllegalArgumentException("cannot bind " + value.getClass());
      }
    }
  }

  private static StoredChunk chunk(ResultSet rows) throws SQLException {
    return new StoredChunk(
        rows.getString("chunk_id"),
        rows.getString("collection"),
        rows.getString("document_id"),
        rows.getString("document_version"),
        rows.getInt("section_index"),
        rows.getInt("chunk_index"),
        rows.getString("text"),
        rows.getString("content_hash"),
        rows.getString("title"),
        rows.getString("category"),
        rows.getString("source_path"),
        rows.getString("content_type"),
        rows.getString("language"),
        instant(rows, "created_at"),
        instant(rows, "updated_at"),
        MetadataJson.read(rows.getString("metadata")),
        rows.getString("model_id"),
        null);
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
