package dev.eventsuite.vectors.store.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.vectors.store.ChunkFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OracleVectorSqlTest {

  private static final OracleVectorSql SQL = new OracleVectorSql(OracleVectorSql.DEFAULT_TABLE);

  private static final float[] QUERY = {1f, 0f};

  @Test
  void shouldSearchTheVectorIndexApproximatelyAtTheTargetAccuracy() {
    OracleVectorSql.Statement statement = SQL.nearest(QUERY, 10, ChunkFilter.NONE, 95);

    assertThat(statement.sql())
        .startsWith("SELECT chunk_id, document_id, COALESCE(updated_at, created_at) AS changed_at")
        .contains(", VECTOR_DISTANCE(embedding, ?, COSINE) AS distance FROM vector_chunks ORDER BY")
        .endsWith(" ORDER BY distance FETCH APPROX FIRST ? ROWS ONLY WITH TARGET ACCURACY 95");
    assertThat(statement.binds()).containsExactly(QUERY, 10);
  }

  @Test
  void shouldPutEveryFilterInTheWhereClauseAsBindVariables() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("owner", "ops");
    metadata.put("team-name", "search");
    ChunkFilter filter =
        new ChunkFilter(
            "docs",
            List.of("guides", "faq"),
            "application/pdf",
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-02-01T00:00:00Z"),
            metadata);

    OracleVectorSql.Statement statement = SQL.nearest(QUERY, 5, filter, 90);

    assertThat(statement.sql())
        .contains(
            " FROM vector_chunks WHERE collection = ? AND category IN (?, ?) AND content_type = ?"
                + " AND created_at >= ? AND created_at < ?"
                + " AND JSON_VALUE(metadata, '$.\"owner\"') = ?"
                + " AND JSON_VALUE(metadata, '$.\"team-name\"') = ?"
                + " ORDER BY distance FETCH APPROX FIRST ? ROWS ONLY WITH TARGET ACCURACY 90");
    assertThat(statement.binds())
        .containsExactly(
            QUERY,
            "docs",
            "guides",
            "faq",
            "application/pdf",
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-02-01T00:00:00Z"),
            "ops",
            "search",
            5);
  }

  @Test
  void shouldRefuseMetadataKeysThatCouldChangeTheStatement() {
    assertThatThrownBy(
            () -> new ChunkFilter(null, null, null, null, null, Map.of("a') = 'a' OR ('1", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata key");
  }

  @Test
  void shouldUpsertByChunkIdWithOneMerge() {
    String sql = SQL.upsert();

    assertThat(sql)
        .startsWith(
            "MERGE INTO vector_chunks t USING (SELECT CAST(? AS VARCHAR2(512 CHAR)) AS chunk_id FROM DUAL) s"
                + " ON (t.chunk_id = s.chunk_id) WHEN MATCHED THEN UPDATE SET t.collection = ?,")
        .contains("t.embedding = ? WHEN NOT MATCHED THEN INSERT (chunk_id, collection,")
        .endsWith(", model_id, embedding) VALUES (s.chunk_id, " + "?, ".repeat(16) + "?)");
    assertThat(sql.chars().filter(c -> c == '?').count())
        .isEqualTo(1 + 2L * OracleVectorSql.COLUMNS.size());
  }

  @Test
  void shouldDeleteOtherVersionsAndDocumentsByBindVariables() {
    assertThat(SQL.keepOnlyVersion())
        .isEqualTo("DELETE FROM vector_chunks WHERE document_id = ? AND document_version <> ?");
    assertThat(SQL.removeDocument()).isEqualTo("DELETE FROM vector_chunks WHERE document_id = ?");
  }

  @Test
  void shouldNameAnotherTableInEveryStatementAndRefuseNamesThatAreNotIdentifiers() {
    OracleVectorSql other = new OracleVectorSql("vector_chunks_bge");

    assertThat(other.upsert()).startsWith("MERGE INTO vector_chunks_bge t ");
    assertThat(other.removeDocument())
        .isEqualTo("DELETE FROM vector_chunks_bge WHERE document_id = ?");
    assertThat(other.nearest(new float[] {1, 0}, 3, ChunkFilter.NONE, 95).sql())
        .contains(" FROM vector_chunks_bge");
    assertThat(other.collections()).contains(" FROM vector_chunks_bge ");
    assertThatThrownBy(() -> new OracleVectorSql("chunks; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OracleVectorSql("\"Quoted\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWalkDocumentIdsInOrderWithoutABoundOnTheFirstPage() {
    assertThat(SQL.documentIdsAfter("", 50))
        .isEqualTo(
            new OracleVectorSql.Statement(
                "SELECT DISTINCT document_id FROM vector_chunks"
                    + " ORDER BY document_id FETCH FIRST ? ROWS ONLY",
                List.of(50)));
    assertThat(SQL.documentIdsAfter("doc-7", 50))
        .isEqualTo(
            new OracleVectorSql.Statement(
                "SELECT DISTINCT document_id FROM vector_chunks WHERE document_id > ?"
                    + " ORDER BY document_id FETCH FIRST ? ROWS ONLY",
                List.of("doc-7", 50)));
  }

  @Test
  void shouldSearchTextWithEachWordEscapedAndAnyMatching() {
    OracleVectorSql.Statement statement =
        SQL.keyword("Restart the broker; NEAR(x) {now}!", 7, ChunkFilter.collection("docs"));

    assertThat(statement.sql())
        .contains(
            ", SCORE(1) AS relevance FROM vector_chunks WHERE CONTAINS(text, ?, 1) > 0"
                + " AND collection = ? ORDER BY relevance DESC FETCH FIRST ? ROWS ONLY");
    assertThat(statement.binds())
        .containsExactly(
            "{restart} ACCUM {the} ACCUM {broker} ACCUM {near} ACCUM {x} ACCUM {now}", "docs", 7);
    assertThat(SQL.keyword(" ;-) ", 7, ChunkFilter.NONE)).isNull();
  }

  @Test
  void shouldReadChunksByTheirIds() {
    assertThat(SQL.chunks(3))
        .startsWith("SELECT chunk_id, collection, document_id")
        .endsWith(" FROM vector_chunks WHERE chunk_id IN (?, ?, ?)");
  }

  @Test
  void shouldCountWithTheSameFilter() {
    List<Object> binds = new ArrayList<>();
    assertThat(OracleVectorSql.where(ChunkFilter.NONE, binds)).isEmpty();

    OracleVectorSql.Statement count = SQL.count(ChunkFilter.collection("docs"));

    assertThat(count.sql()).isEqualTo("SELECT COUNT(*) FROM vector_chunks WHERE collection = ?");
    assertThat(count.binds()).containsExactly("docs");
  }
}
