package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** JSON Lines: one object per line; blank lines are skipped. */
final class JsonLinesRowReader implements RowReader {

  private final BufferedReader lines;
  private long number;

  JsonLinesRowReader(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public Row next() throws IOException {
    String line;
    do {
      line = lines.readLine();
      if (line == null) {
        return null;
      }
    } while (line.isBlank());
    number++;
    try {
      JsonNode node = EventJson.mapper().readTree(line);
      if (!node.isObject()) {
        return new Row(number, null, line, "the line is not a JSON object");
      }
      return new Row(number, (ObjectNode) node, line, null);
    } catch (IOException e) {
      return new Row(
          number, null, line, "the line is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
