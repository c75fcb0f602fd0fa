package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON array of objects, streamed element by element. A malformed document ends the reading with
 * one unreadable row, since nothing after the fault can be trusted.
 */
final class JsonArrayRowReader implements RowReader {

  private final JsonParser parser;
  private long number;
  private boolean done;

  JsonArrayRowReader(InputStream in) throws IOException {
    this.parser = EventJson.mapper().getFactory().createParser(in);
  }

  @Override
  public Row next() throws IOException {
    if (done) {
      return null;
    }
    try {
      if (number == 0 && parser.nextToken() != JsonToken.START_ARRAY) {
        done = true;
        return new Row(1, null, "", "the document is not a JSON array");
      }
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) {
        done = true;
        return null;
      }
      number++;
      JsonNode element = parser.readValueAsTree();
      if (!element.isObject()) {
        return new Row(number, null, element.toString(), "the element is not a JSON object");
      }
      return new Row(number, (ObjectNode) element, element.toString(), null);
    } catch (IOException e) {
      done = true;
      return new Row(
          number + 1,
          null,
          "",
          "the JSON array is malformed: " + JsonLinesRowReader.firstLine(e.getMessage()));
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
