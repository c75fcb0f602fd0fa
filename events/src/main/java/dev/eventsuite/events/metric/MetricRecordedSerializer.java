package dev.eventsuite.events.metric;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.eventsuite.events.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes metric events by hand: the suite writes one per row of every tabular file, so this is its
 * busiest JSON, and a generic serializer costs more than the event's own content. Absent values and
 * empty attributes are left out, as everywhere else. Registered with the suite's mapper, so an
 * event inside another object or an HTTP answer is written the same way.
 */
public final class MetricRecordedSerializer extends StdSerializer<MetricRecorded> {

  private static final long serialVersionUID = 1L;

  public MetricRecordedSerializer() {
    super(MetricRecorded.class);
  }

  @Override
  public void serialize(MetricRecorded event, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    json.writeRawValue(toJson(event));
  }

  /** The event as UTF-8 JSON. */
  public static byte[] toBytes(MetricRecorded event) {
    return toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  /** The event as JSON text. */
  public static String toJson(MetricRecorded event) {
    StringBuilder json = new StringBuilder(160).append('{');
    if (event.eventId() != null) {
      field(json, "eventId", event.eventId()).append(',');
    }
    field(json, "entityId", event.entityId());
    if (event.metric() != null) {
      field(json.append(','), "metric", event.metric());
    }
    if (event.value() != null) {
      // The shortest decimal that reads back as the same double (Schubfach), as Jackson's fast
      // writer.
      json.append(",\"value\":").append(NumberOutput.toString(event.value(), true));
    }
    if (event.eventType() != null) {
      field(json.append(','), "eventType", event.eventType());
    }
    field(json.append(','), "timestamp", Timestamps.format(event.timestamp()));
    if (!event.attributes().isEmpty()) {
      json.append(",\"attributes\":{");
      boolean first = true;
      for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        field(json, attribute.getKey(), attribute.getValue());
      }
      json.append('}');
    }
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    string(json, name).append(':');
    return string(json, value);
  }

  /** A JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
  private static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    if (!needsEscaping(value)) {
      return json.append(value).append('"');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
