package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import java.nio.charset.StandardCharsets;

/**
 * One row of a tabular object.
 *
 * @param number the row's position among the data rows, from 1
 * @param raw the row's text in UTF-8, as near to the source as the format allows
 * @param fields the row as a JSON object when the reader built one (CSV, JSON arrays); null when
 *     the row's text is itself the object (JSON Lines), read only where it is used
 * @param error why the row could not be read; null when it could
 */
public record Row(long number, byte[] raw, ObjectNode fields, String error) {

  /** A row the reader could not read. */
  static Row unreadable(long number, String raw, String error) {
    return new Row(number, raw.getBytes(StandardCharsets.UTF_8), null, error);
  }

  /** A row the reader built as an object. */
  static Row of(long number, ObjectNode fields, String raw) {
    return new Row(number, raw.getBytes(StandardCharsets.UTF_8), fields, null);
  }

  public boolean isReadable() {
    return error == null;
  }

  /** The row's text. */
  public String text() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /**
   * The row as a JSON object, read from its text when the reader did not build one.
   *
   * @throws InvalidEventException when the text is not a JSON object
   */
  public ObjectNode tree() {
    if (fields != null) {
      return fields;
    }
    JsonNode node = EventJson.tree(raw);
    if (!node.isObject()) {
      throw new InvalidEventException("the line is not a JSON object");
    }
    return (ObjectNode) node;
  }
}
