package dev.eventsuite.events.metric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads metric events in the shapes producers already send:
 *
 * <ul>
 *   <li>{@code {"entityId","metric","value","timestamp","attributes"}}: the canonical shape, with
 *       {@code metric} naming the value;
 *   <li>{@code {"userId","metric","timestamp"}}: the value in {@code metric};
 *   <li>{@code {"id","time","metric"}}: the value in {@code metric};
 *   <li>{@code {"userId","eventType","timestamp"}}: a count-only event.
 * </ul>
 *
 * <p>Field names match regardless of case, {@code _} and {@code -} ({@code user_id} is {@code
 * userId}). Timestamps follow {@link Timestamps}. Fields the parser does not use become attributes,
 * so nothing a producer sends is lost.
 */
public final class MetricEventParser {

  /** The longest entity id accepted; longer ids are almost always a field mix-up. */
  public static final int MAX_ENTITY_ID_LENGTH = 256;

  /** The fields the parser uses; any other becomes an attribute. */
  private enum Field {
    ENTITY_ID,
    USER_ID,
    ID,
    TIMESTAMP,
    TIME,
    EVENT_TIME,
    METRIC,
    VALUE,
    EVENT_TYPE,
    EVENT_ID,
    ATTRIBUTES,
    /** A CloudEvents envelope's: such an envelope is not an event of its own. */
    SPEC_VERSION,
    /** Not one of the above. */
    OTHER;

    /** The name as {@link #normalise} leaves it, e.g. {@code entityid}. */
    final String normalised = name().replace("_", "").toLowerCase(Locale.ROOT);

    static Field named(String normalised) {
      for (Field field : values()) {
        if (field != OTHER && field.normalised.equals(normalised)) {
          return field;
        }
      }
      return OTHER;
    }
  }

  private static final List<Field> ENTITY_FIELDS =
      List.of(Field.ENTITY_ID, Field.USER_ID, Field.ID);
  private static final List<Field> TIME_FIELDS =
      List.of(Field.TIMESTAMP, Field.TIME, Field.EVENT_TIME);

  /**
   * Field names as producers spell them, with what they are: most files and streams repeat a few
   * names on every event, and normalising a name each time costs more than the rest of its field.
   * Bounded, so a producer inventing names does not grow it.
   */
  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_NAMES = 4096;

  private MetricEventParser() {}

  /**
   * Parses one event from its JSON text, streaming: no tree of the event is built.
   *
   * @param json the record value
   * @param fallbackTime the time to use when the event has none (the record's timestamp); null to
   *     require one
   * @throws InvalidEventException with a reason a producer can act on
   */
  public static MetricRecorded parse(byte[] json, Instant fallbackTime) {
    if (json == null || json.length == 0) {
      throw new InvalidEventException("the event is empty: expected a JSON document");
    }
    try (JsonParser parser = EventJson.mapper().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notAnObject();
      }
      Fields fields = new Fields();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        fields.add(name, value(parser));
      }
      if (parser.nextToken() != null) {
        throw new InvalidEventException("the event is not valid JSON: more follows the object");
      }
      return fields.toEvent(fallbackTime);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("the event is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an array in memory failed", e);
    }
  }

  /** Parses one event already read as JSON; see {@link #parse(byte[], Instant)}. */
  public static MetricRecorded parse(JsonNode event, Instant fallbackTime) {
    if (event == null || !event.isObject()) {
      throw notAnObject();
    }
    Fields fields = new Fields();
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      fields.add(field.getKey(), field.getValue());
    }
    return fields.toEvent(fallbackTime);
  }

  private static InvalidEventException notAnObject() {
    return new InvalidEventException(
        "a metric event must be a JSON object such as"
            + " {\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.5,\"timestamp\":\"2025-01-01T10:00:00Z\"}");
  }

  /**
   * The value at the parser as a node: scalars directly, as a tree would hold them; objects and
   * arrays, rare in events, through the mapper.
   */
  private static JsonNode value(JsonParser parser) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (parser.nextToken()) {
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> nodes.numberNode(parser.getIntValue());
            case LONG -> nodes.numberNode(parser.getLongValue());
            default -> nodes.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
      case VALUE_NULL -> nodes.nullNode();
      default -> EventJson.mapper().readTree(parser);
    };
  }

  /**
   * The fields of one event as they are read. The first field of each normalised name counts, as
   * when a producer sends both {@code userId} and {@code user_id}.
   */
  private static final class Fields {

    private final JsonNode[] known = new JsonNode[Field.values().length];
    private Map<String, String> attributes;

    void add(String name, JsonNode value) {
      Field field = field(name);
      if (field != Field.OTHER) {
        if (known[field.ordinal()] == null) {
          known[field.ordinal()] = value;
        }
      } else if (!value.isNull()) {
        attribute(name, value);
      }
    }

    private JsonNode get(Field field) {
      return known[field.ordinal()];
    }

    private void attribute(String name, JsonNode value) {
      if (attributes == null) {
        attributes = new LinkedHashMap<>();
      }
      attributes.put(name, asText(value));
    }

    MetricRecorded toEvent(Instant fallbackTime) {
      if (get(Field.SPEC_VERSION) != null) {
        throw new InvalidEventException(
            "a CloudEvents envelope (structured mode) is not a metric event: send the event as the"
                + " record value and its CloudEvents attributes as ce_* headers (binary mode)");
      }
      String entityId = entityId(this);
      Instant timestamp = timestamp(this, fallbackTime);
      JsonNode metric = get(Field.METRIC);
      JsonNode value = get(Field.VALUE);
      String metricName = null;
      Double measured = null;
      if (metric != null && !metric.isNull() && isNumber(metric)) {
        if (value != null && !value.isNull()) {
          throw new InvalidEventException(
              "both 'metric' and 'value' hold numbers: send the number in 'value' and the"
                  + " metric's name in 'metric'");
        }
        measured = number("metric", metric);
      } else {
        metricName = textOrNull("metric", metric);
        measured = value == null || value.isNull() ? null : number("value", value);
      }
      String eventId = textOrNull("eventId", get(Field.EVENT_ID));
      String eventType = textOrNull("eventType", get(Field.EVENT_TYPE));
      addExplicitAttributes(get(Field.ATTRIBUTES));
      return new MetricRecorded(
          eventId,
          entityId,
          metricName,
          measured,
          eventType,
          timestamp,
          attributes == null ? Map.of() : attributes);
    }

    /** The {@code attributes} object's entries, after (and over) the unknown fields. */
    private void addExplicitAttributes(JsonNode explicit) {
      if (explicit == null || explicit.isNull()) {
        return;
      }
      if (!explicit.isObject()) {
        throw new InvalidEventException("'attributes' must be a JSON object of names to values");
      }
      for (Map.Entry<String, JsonNode> field : explicit.properties()) {
        if (!field.getValue().isNull()) {
          attribute(field.getKey(), field.getValue());
        }
      }
    }
  }

  private static Field field(String name) {
    Field field = FIELDS.get(name);
    if (field == null) {
      field = Field.named(normalise(name));
      if (FIELDS.size() < MAX_REMEMBERED_NAMES) {
        FIELDS.put(name, field);
      }
    }
    return field;
  }

  private static String normalise(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** The first of {@code entityId}, {@code userId} and {@code id} present. */
  private static String entityId(Fields fields) {
    for (Field field : ENTITY_FIELDS) {
      String name = field.normalised;
      JsonNode node = fields.get(field);
      if (node != null && !node.isNull()) {
        if (!node.isValueNode()) {
          throw new InvalidEventException(
              "the entity id in '" + name + "' must be a string or a number");
        }
        String id = node.asText().trim();
        if (id.isEmpty()) {
          throw new InvalidEventException("the entity id in '" + name + "' is blank");
        }
        if (id.length() > MAX_ENTITY_ID_LENGTH) {
          throw new InvalidEventException(
              "the entity id is " + id.length() + " characters; at most " + MAX_ENTITY_ID_LENGTH);
        }
        return id;
      }
    }
    throw new InvalidEventException(
        "the event names no entity: expected one of 'entityId', 'userId' or 'id'");
  }

  /** The first of {@code timestamp}, {@code time} and {@code eventTime} present. */
  private static Instant timestamp(Fields fields, Instant fallbackTime) {
    for (Field field : TIME_FIELDS) {
      String name = field.normalised;
      JsonNode node = fields.get(field);
      if (node != null && !node.isNull()) {
        if (node.isNumber()) {
          return Timestamps.fromEpoch(node.doubleValue());
        }
        if (node.isTextual()) {
          return Timestamps.parse(node.asText());
        }
        throw new InvalidEventException(
            "'" + name + "' must be an ISO-8601 string or epoch milliseconds");
      }
    }
    if (fallbackTime == null) {
      throw new InvalidEventException(
          "the event has no time: expected 'timestamp' or 'time' (ISO-8601 or epoch milliseconds)");
    }
    return fallbackTime;
  }

  private static boolean isNumber(JsonNode node) {
    if (node.isNumber()) {
      return true;
    }
    return node.isTextual() && isDecimal(node.asText().trim());
  }

  /**
   * Whether text is a decimal number: an optional sign, digits with an optional point, an optional
   * exponent. Checked by hand, since metric names are far more common here than numbers in text and
   * a failed parse costs an exception.
   */
  static boolean isDecimal(String text) {
    int i = 0;
    int length = text.length();
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < length && Character.isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && Character.isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < length && Character.isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == length;
  }

  private static double number(String field, JsonNode node) {
    double number;
    if (node.isNumber()) {
      number = node.doubleValue();
    } else if (node.isTextual()) {
      try {
        number = new BigDecimal(node.asText().trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw new InvalidEventException(
            "'" + field + "' is '" + node.asText() + "', which is not a number");
      }
    } else {
      throw new InvalidEventException(
          "'" + field + "' must be a number, not " + node.getNodeType());
    }
    if (!Double.isFinite(number)) {
      throw new InvalidEventException("'" + field + "' is out of range: " + node.asText());
    }
    return number;
  }

  private static String textOrNull(String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new InvalidEventException("'" + field + "' must be a string");
    }
    String text = node.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String asText(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
