package dev.eventsuite.ingest.domain.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Which columns of a table hold the fields of a metric event, for tables whose headers are not
 * already the names the metric event parser knows ({@code entityId}, {@code timestamp}, {@code
 * value}, ...). Unmapped columns stay and become the event's attributes.
 *
 * @param entityId the column holding the entity id
 * @param timestamp the column holding the time
 * @param metric the column holding the metric's name
 * @param value the column holding the value
 * @param eventType the column holding the event type
 * @param metricName a metric name for every row, when no column holds one
 */
public record ColumnMapping(
    Optional<String> entityId,
    Optional<String> timestamp,
    Optional<String> metric,
    Optional<String> value,
    Optional<String> eventType,
    Optional<String> metricName) {

  /** The mapping of tables whose headers already use the known names. */
  public static final ColumnMapping IDENTITY =
      new ColumnMapping(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** Whether the mapping leaves every row as it is. */
  public boolean isIdentity() {
    return this.equals(IDENTITY);
  }

  /** The row with the mapped columns renamed to the metric event's field names. */
  public ObjectNode apply(ObjectNode row) {
    if (isIdentity()) {
      return row;
    }
    ObjectNode mapped = row.deepCopy();
    rename(mapped, entityId, "entityId");
    rename(mapped, timestamp, "timestamp");
    rename(mapped, metric, "metric");
    rename(mapped, value, "value");
    rename(mapped, eventType, "eventType");
    metricName.ifPresent(name -> mapped.put("metric", name));
    return mapped;
  }

  private static void rename(ObjectNode row, Optional<String> column, String field) {
    if (column.isPresent() && !column.get().equals(field)) {
      JsonNode value = row.remove(column.get());
      if (value != null) {
        row.set(field, value);
      }
    }
  }
}
