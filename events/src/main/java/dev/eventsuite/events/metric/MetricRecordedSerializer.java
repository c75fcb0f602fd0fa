package dev.eventsuite.events.metric;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.eventsuite.events.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /** The event as JSON text. */
  public static String toJson(MetricRecorded event) {
    return new String(toBytes(event), StandardCharsets.UTF_8);
  }

  /** The event as UTF-8 JSON, written straight into bytes. */
  public static byte[] toBytes(MetricRecorded event) {
    Utf8Json json = new Utf8Json();
    json.append('{');
    if (event.eventId() != null) {
      json.field("eventId", event.eventId()).append(',');
    }
    json.field("entityId", event.entityId());
    if (event.metric() != null) {
      json.append(',').field("metric", event.metric());
    }
    if (event.value() != null) {
      // The shortest decimal that reads back as the same double (Schubfach), as Jackson's fast
      // writer.
      json.append(',')
          .string("value")
          .append(':')
          .append(NumberOutput.toString(event.value(), true));
    }
    if (event.eventType() != null) {
      json.append(',').field("eventType", event.eventType());
    }
    json.append(',').string("timestamp").append(':').append('"');
    json.ascii(Timestamps.formatAscii(event.timestamp())).append('"');
    if (!event.attributes().isEmpty()) {
      json.append(',').string("attributes").append(":{");
      boolean first = true;
      for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        json.field(attribute.getKey(), attribute.getValue());
      }
      json.append('}');
    }
    return json.append('}').toByteArray();
  }

  /** A growing buffer of UTF-8 JSON. */
  private static final class Utf8Json {

    private byte[] bytes = new byte[160];
    private int length;

    Utf8Json append(char c) {
      room(1);
      bytes[length++] = (byte) c;
      return this;
    }

    /** Text known to be ASCII. */
    Utf8Json append(String ascii) {
      room(ascii.length());
      for (int i = 0; i < ascii.length(); i++) {
        bytes[length++] = (byte) ascii.charAt(i);
      }
      return this;
    }

    Utf8Json ascii(byte[] text) {
      room(text.length);
      System.arraycopy(text, 0, bytes, length, text.length);
      length += text.length;
      return this;
    }

    Utf8Json field(String name, String value) {
      return string(name).append(':').string(value);
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped, the rest as it is. Text
     * that is plain ASCII, nearly all of it, is copied byte for byte.
     */
    Utf8Json string(String value) {
      append('"');
      if (isPlainAscii(value)) {
        append(value);
      } else {
        ascii(escaped(value).getBytes(StandardCharsets.UTF_8));
      }
      return append('"');
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    private static boolean isPlainAscii(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
          return false;
        }
      }
      return true;
    }

    private static String escaped(String value) {
      StringBuilder text = new StringBuilder(value.length() + 8);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> text.append("\\\"");
          case '\\' -> text.append("\\\\");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          case '\t' -> text.append("\\t");
          default -> {
            if (c < 0x20) {
              text.append(String.format("\\u%04x", (int) c));
            } else {
              text.append(c);
            }
          }
        }
      }
      return text.toString();
    }
  }
}
