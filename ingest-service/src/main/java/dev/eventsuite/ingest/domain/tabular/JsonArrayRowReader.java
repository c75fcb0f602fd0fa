package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        return Row.unreadable(1, "", "the document is not a JSON array");
      }
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) {
        done = true;
        return null;
      }
      number++;
      JsonNode element = parser.readValueAsTree();
      if (!element.isObject()) {
        return Row.unreadable(number, element.toString(), "the element is not a JSON object");
      }
      return Row.of(number, (ObjectNode) element, element.toString());
    } catch (JsonProcessingException e) {
      done = true;
      return Row.unreadable(
          number + 1, "", "the JSON array is malformed: " + e.getOriginalMessage());
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
