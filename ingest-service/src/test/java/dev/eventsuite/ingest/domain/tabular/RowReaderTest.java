package dev.eventsuite.ingest.domain.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.ingest.domain.ContentKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowReaderTest {

  @Test
  void shouldReadCsvRowsByTheirHeaderWithQuotedFields() throws IOException {
    List<Row> rows =
        read(
            ContentKind.CSV,
            "entityId,value,note\nu1,1.5,\"says \"\"hi\"\", twice\"\nu2,2,\n\nu3,3,\"two\nlines\"\n");

    assertThat(rows).extracting(Row::number).containsExactly(1L, 2L, 3L);
    assertThat(rows.get(0).fields().toString())
        .isEqualTo("{\"entityId\":\"u1\",\"value\":\"1.5\",\"note\":\"says \\\"hi\\\", twice\"}");
    assertThat(rows.get(1).fields().has("note")).as("empty cells are left out").isFalse();
    assertThat(rows.get(2).fields().get("note").asText()).isEqualTo("two\nlines");
  }

  @Test
  void shouldMarkARowWithTooManyFieldsAndGoOn() throws IOException {
    List<Row> rows = read(ContentKind.TSV, "entityId\tvalue\nu1\t1\nu2\t2\textra\nu3\t3\n");

    assertThat(rows).extracting(Row::isReadable).containsExactly(true, false, true);
    assertThat(rows.get(1).error()).isEqualTo("the row has 3 fields but the header names 2");
    assertThat(rows.get(1).text()).isEqualTo("u2\t2\textra");
  }

  @Test
  void shouldCutJsonLinesAsTheyAreSkippingBlankOnesAndCarriageReturns() throws IOException {
    List<Row> rows =
        read(
            ContentKind.JSON_LINES,
            "{\"userId\":\"u1\",\"metric\":1}\r\n \t\r\n\nnot json\n[1]\n{\"userId\":\"é\"}");

    assertThat(rows).extracting(Row::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(rows)
        .extracting(Row::text)
        .containsExactly(
            "{\"userId\":\"u1\",\"metric\":1}", "not json", "[1]", "{\"userId\":\"é\"}");
    assertThat(rows).allMatch(Row::isReadable).allMatch(row -> row.fields() == null);
    assertThat(rows.get(0).tree().get("metric").asInt()).isEqualTo(1);
    assertThatThrownBy(() -> rows.get(1).tree()).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> rows.get(2).tree()).hasMessage("the line is not a JSON object");
  }

  @Test
  void shouldReadLinesLongerThanTheBufferAndMarkOnesLongerThanARowMayBe() throws IOException {
    String wide = "{\"id\":\"" + "w".repeat(200_000) + "\"}";
    String huge = "x".repeat(JsonLinesRowReader.MAX_LINE_BYTES + 10);
    List<Row> rows = read(ContentKind.JSON_LINES, wide + "\n" + huge + "\n{}\n" + huge);

    assertThat(rows).extracting(Row::isReadable).containsExactly(true, false, true, false);
    assertThat(rows.get(0).text()).isEqualTo(wide);
    assertThat(rows.get(1).error())
        .startsWith("the line is " + huge.length() + " bytes long; a row may have at most");
    assertThat(rows.get(1).raw()).hasSize(JsonLinesRowReader.KEPT_OF_LONG_LINE);
    assertThat(rows.get(2).text()).isEqualTo("{}");
    assertThat(rows.get(3).error()).startsWith("the line is " + huge.length() + " bytes long");
  }

  @Test
  void shouldStreamTheElementsOfAJsonArray() throws IOException {
    List<Row> rows =
        read(
            ContentKind.JSON_ARRAY,
            "[{\"id\":\"a\",\"metric\":1}, 7, {\"id\":\"b\",\"metric\":2}]");

    assertThat(rows).extracting(Row::isReadable).containsExactly(true, false, true);
    assertThat(rows.get(2).fields().get("id").asText()).isEqualTo("b");
  }

  @Test
  void shouldStopAtAMalformedJsonArrayWithOneUnreadableRow() throws IOException {
    List<Row> rows = read(ContentKind.JSON_ARRAY, "[{\"id\":\"a\",\"metric\":1}, {\"id\": ");

    assertThat(rows).extracting(Row::isReadable).containsExactly(true, false);
    assertThat(rows.get(1).error()).startsWith("the JSON array is malformed");
  }

  @Test
  void shouldRenameMappedColumnsAndKeepTheRestAsAttributes() throws IOException {
    ColumnMapping mapping =
        new ColumnMapping(
            java.util.Optional.of("device"),
            java.util.Optional.of("ts"),
            java.util.Optional.empty(),
            java.util.Optional.of("reading"),
            java.util.Optional.empty(),
            java.util.Optional.of("temperature"));
    Row row =
        read(ContentKind.CSV, "device,reading,ts,room\nd1,21.5,2025-01-01T00:00:00Z,lab\n").get(0);

    assertThat(mapping.apply(row.fields()).toString())
        .isEqualTo(
            "{\"room\":\"lab\",\"entityId\":\"d1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"value\":\"21.5\",\"metric\":\"temperature\"}");
  }

  private static List<Row> read(ContentKind kind, String text) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (RowReader reader =
        RowReader.of(kind, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (Row row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
