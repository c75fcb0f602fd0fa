package dev.eventsuite.vectors.store.oracle;

import dev.eventsuite.vectors.store.ChunkFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL the Oracle vector store sends: bind variables for every value; the only text put into a
 * statement is a metadata key, checked against {@link ChunkFilter#METADATA_KEY}.
 */
final class OracleVectorSql {

  /** The table the services' migrations make. */
  static final String DEFAULT_TABLE = "vector_chunks";

  /** A table name the statements may carry: an unquoted Oracle identifier. */
  static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  /** The most words of a query Oracle Text is given. */
  static final int MAX_TEXT_WORDS = 32;

  /** The columns after the key, in bind order. */
  static final List<String> COLUMNS =
      List.of(
          "collection",
          "document_id",
          "document_version",
          "section_index",
          "chunk_index",
          "text",
          "content_hash",
          "title",
          "category",
          "source_path",
          "content_type",
          "language",
          "created_at",
          "updated_at",
          "metadata",
          "model_id",
          "embedding");

  private static final String SELECTED =
      "chunk_id, collection, document_id, document_version, section_index, chunk_index, text,"
          + " content_hash, title, category, source_path, content_type, language, created_at,"
          + " updated_at, JSON_SERIALIZE(metadata RETURNING CLOB) AS metadata, model_id";

  /** What a search returns of each hit: ranking needs no more. */
  private static final String HIT =
      "chunk_id, document_id, COALESCE(updated_at, created_at) AS changed_at";

  /** A statement and the values its placeholders take, in order. */
  record Statement(String sql, List<Object> binds) {}

  private final String table;

  /** Statements on this table. */
  OracleVectorSql(String table) {
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "the vector table's name is a letter, then up to 63 letters, digits and underscores: "
              + table);
    }
    this.table = table;
  }

  /**
   * Inserts or replaces a chunk by id. Binds: the id, the {@link #COLUMNS} for the update, the
   * {@link #COLUMNS} again for the insert.
   */
  String upsert() {
    StringBuilder sql = new StringBuilder("MERGE INTO ").append(table).append(" t");
    sql.append(" USING (SELECT CAST(? AS VARCHAR2(512 CHAR)) AS chunk_id FROM DUAL) s");
    sql.append(" ON (t.chunk_id = s.chunk_id)");
    sql.append(" WHEN MATCHED THEN UPDATE SET ");
    sql.append(String.join(", ", COLUMNS.stream().map(c -> "t." + c + " = ?").toList()));
    sql.append(" WHEN NOT MATCHED THEN INSERT (chunk_id, ").append(String.join(", ", COLUMNS));
    sql.append(") VALUES (s.chunk_id, ")
        .append(String.join(", ", Collections.nCopies(COLUMNS.size(), "?")))
        .append(")");
    return sql.toString();
  }

  /** Binds: document id, the version to keep. */
  String keepOnlyVersion() {
    return "DELETE FROM " + table + " WHERE document_id = ? AND document_version <> ?";
  }

  /** Binds: document id. */
  String removeDocument() {
    return "DELETE FROM " + table + " WHERE document_id = ?";
  }

  /**
   * The {@code k} nearest chunks by cosine distance among those the filter lets through, from the
   * vector index ({@code APPROX}) at the given target accuracy. The first bind is the query vector.
   */
  Statement nearest(float[] query, int k, ChunkFilter filter, int targetAccuracy) {
    List<Object> binds = new ArrayList<>();
    binds.add(query);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(HIT)
            .append(", VECTOR_DISTANCE(embedding, ?, COSINE) AS distance FROM ")
            .append(table);
    sql.append(where(filter, binds));
    sql.append(" ORDER BY distance FETCH APPROX FIRST ? ROWS ONLY WITH TARGET ACCURACY ");
    sql.append(targetAccuracy);
    binds.add(k);
    return new Statement(sql.toString(), binds);
  }

  /**
   * The {@code k} chunks Oracle Text scores highest for the query's words, among those the filter
   * lets through. The words are bound as one Oracle Text expression in which each is escaped
   * ({@code {word}}) and any may match ({@code ACCUM}); empty when the query has no words.
   */
  Statement keyword(String query, int k, ChunkFilter filter) {
    String words = textQuery(query);
    if (words.isEmpty()) {
      return null;
    }
    List<Object> binds = new ArrayList<>();
    binds.add(words);
    String where = where(filter, binds);
    binds.add(k);
    return new Statement(
        "SELECT "
            + HIT
            + ", SCORE(1) AS relevance FROM "
            + table
            + " WHERE CONTAINS(text, ?, 1) > 0"
            + (where.isEmpty() ? "" : " AND " + where.substring(" WHERE ".length()))
            + " ORDER BY relevance DESC FETCH FIRST ? ROWS ONLY",
        binds);
  }

  /** The query's words as an Oracle Text expression: each escaped, any may match. */
  static String textQuery(String query) {
    List<String> words = new ArrayList<>();
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && words.size() < MAX_TEXT_WORDS && !words.contains(word)) {
        words.add("{" + word + "}");
      }
    }
    return String.join(" ACCUM ", words);
  }

  Statement documentIds(ChunkFilter filter, int limit) {
    List<Object> binds = new ArrayList<>();
    String sql =
        "SELECT DISTINCT document_id FROM "
            + table
            + where(filter, binds)
            + " FETCH FIRST ? ROWS ONLY";
    binds.add(limit);
    return new Statement(sql, binds);
  }

  /**
   * Document ids after the given one, in order; Oracle takes an empty string for null, so the
   * walk's first page has no lower bound.
   */
  Statement documentIdsAfter(String after, int limit) {
    List<Object> binds = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT DISTINCT document_id FROM ").append(table);
    if (!after.isEmpty()) {
      sql.append(" WHERE document_id > ?");
      binds.add(after);
    }
    sql.append(" ORDER BY document_id FETCH FIRST ? ROWS ONLY");
    binds.add(limit);
    return new Statement(sql.toString(), binds);
  }

  Statement count(ChunkFilter filter) {
    List<Object> binds = new ArrayList<>();
    return new Statement("SELECT COUNT(*) FROM " + table + where(filter, binds), binds);
  }

  /** The chunks with the given ids; binds: the ids. */
  String chunks(int count) {
    return "SELECT "
        + SELECTED
        + " FROM "
        + table
        + " WHERE chunk_id IN ("
        + String.join(", ", Collections.nCopies(count, "?"))
        + ")";
  }

  String documentChunks() {
    return "SELECT "
        + SELECTED
        + " FROM "
        + table
        + " WHERE document_id = ? ORDER BY section_index, chunk_index";
  }

  String collections() {
    return "SELECT collection, COUNT(*) AS chunks, STATS_MODE(model_id) AS model FROM "
        + table
        + " GROUP BY collection ORDER BY collection";
  }

  /** The WHERE clause of a filter, its values added to the binds; empty for no filter. */
  static String where(ChunkFilter filter, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    if (filter.collection() != null) {
      conditions.add("collection = ?");
      binds.add(filter.collection());
    }
    if (!filter.categories().isEmpty()) {
      conditions.add(
          "category IN ("
              + String.join(", ", Collections.nCopies(filter.categories().size(), "?"))
              + ")");
      binds.addAll(filter.categories());
    }
    if (filter.contentType() != null) {
      conditions.add("content_type = ?");
      binds.add(filter.contentType());
    }
    if (filter.createdAfter() != null) {
      conditions.add("created_at >= ?");
      binds.add(filter.createdAfter());
    }
    if (filter.createdBefore() != null) {
      conditions.add("created_at < ?");
      binds.add(filter.createdBefore());
    }
    for (Map.Entry<String, String> entry : filter.metadata().entrySet()) {
      conditions.add("JSON_VALUE(metadata, '$.\"" + entry.getKey() + "\"') = ?");
      binds.add(entry.getValue());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }
}
