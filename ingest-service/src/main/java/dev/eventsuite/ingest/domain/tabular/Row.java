package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of a tabular object.
 *
 * @param number the row's position among the data rows, from 1
 * @param fields the row as a JSON object; null when the row could not be read
 * @param raw the row's text, as near to the source as the format allows
 * @param error why the row could not be read; null when it could
 */
public record Row(long number, ObjectNode fields, String raw, String error) {

  public boolean isReadable() {
    return error == null;
  }
}
