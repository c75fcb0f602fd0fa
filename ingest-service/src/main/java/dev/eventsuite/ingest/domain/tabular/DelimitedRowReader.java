package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV or TSV with a header row (RFC 4180 quoting), read as rows of strings and matched to the
 * header by position. A row with more fields than the header is unreadable; a row with fewer leaves
 * the missing columns out.
 */
final class DelimitedRowReader implements RowReader {

  private static final CsvMapper CSV = new CsvMapper();

  private final CsvParser parser;
  private final char delimiter;
  private List<String> header;
  private long number;

  DelimitedRowReader(InputStream in, char delimiter) throws IOException {
    this.delimiter = delimiter;
    this.parser = CSV.getFactory().createParser(new InputStreamReader(in, StandardCharsets.UTF_8));
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
    parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    parser.enable(CsvParser.Feature.TRIM_SPACES);
  }

  @Override
  public Row next() throws IOException {
    if (header == null) {
      header = nextFields();
      if (header == null) {
        return null;
      }
    }
    List<String> fields = nextFields();
    while (fields != null && fields.stream().allMatch(String::isEmpty)) {
      fields = nextFields();
    }
    if (fields == null) {
      return null;
    }
    number++;
    String raw = String.join(String.valueOf(delimiter), fields);
    if (fields.size() > header.size()) {
      return Row.unreadable(
          number,
          raw,
          "the row has " + fields.size() + " fields but the header names " + header.size());
    }
    ObjectNode row = EventJson.mapper().createObjectNode();
    for (int i = 0; i < fields.size(); i++) {
      if (!fields.get(i).isEmpty()) {
        row.put(header.get(i), fields.get(i));
      }
    }
    return Row.of(number, row, raw);
  }

  /** The fields of the next line, or null at the end. */
  private List<String> nextFields() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.START_ARRAY) {
      token = parser.nextToken();
    }
    while (token == JsonToken.END_ARRAY) {
      token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        token = parser.nextToken();
      }
    }
    if (token == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    while (token != null && token != JsonToken.START_ARRAY && token != JsonToken.END_ARRAY) {
      fields.add(parser.getText());
      token = parser.nextToken();
    }
    return fields;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
