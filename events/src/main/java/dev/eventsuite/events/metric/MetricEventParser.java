package dev.eventsuite.events.metric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

  private static final List<String> ENTITY_FIELDS = List.of("entityid", "userid", "id");
  private static final List<String> TIME_FIELDS = List.of("timestamp", "time", "eventtime");
  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "entityid",
          "userid",
          "id",
          "timestamp",
          "time",
          "eventtime",
          "metric",
          "value",
          "eventtype",
          "eventid",
          "attributes");

  private MetricEventParser() {}

  /**
   * Parses one event.
   *
   * @param json the record value
   * @param fallbackTime the time to use when the event has none (the record's timestamp); null to
   *     require one
   * @throws InvalidEventException with a reason a producer can act on
   */
  public static MetricRecorded parse(byte[] json, Instant fallbackTime) {
    return parse(EventJson.tree(json), fallbackTime);
  }

  /** Parses one event already read as JSON; see {@link #parse(byte[], Instant)}. */
  public static MetricRecorded parse(JsonNode event, Instant fallbackTime) {
    if (event == null || !event.isObject()) {
      throw new InvalidEventException(
          "a metric event must be a JSON object such as"
              + " {\"entityId\":\"u1\",\"metric\":\"cpu\",\"value\":0.5,\"timestamp\":\"2025-01-01T10:00:00Z\"}");
    }
    Map<String, JsonNode> fields = normalisedFields(event);
    String entityId = entityId(fields);
    Instant timestamp = timestamp(fields, fallbackTime);
    JsonNode metric = fields.get("metric");
    JsonNode value = fields.get("value");
    String metricName = null;
    Double measured = null;
    if (metric != null && !metric.isNull() && isNumber(metric)) {
      if (value != null && !value.isNull()) {
        throw new InvalidEventException(
            "both 'metric' and 'value' hold numbers: send the number in 'value' and the metric's"
                + " name in 'metric'");
      }
      measured = number("metric", metric);
    } else {
      metricName = textOrNull("metric", metric);
      measured = value == null || value.isNull() ? null : number("value", value);
    }
    return new MetricRecorded(
        textOrNull("eventId", fields.get("eventid")),
        entityId,
        metricName,
        measured,
        textOrNull("eventType", fields.get("eventtype")),
        timestamp,
        attributes(event, fields.get("attributes")));
  }

  private static Map<String, JsonNode> normalisedFields(JsonNode event) {
    Map<String, JsonNode> fields = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      fields.putIfAbsent(normalise(field.getKey()), field.getValue());
    }
    return fields;
  }

  private static String normalise(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || Character.isUpperCase(c)) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
      }
    }
    return name; // already normal, as most names are
  }

  private static String entityId(Map<String, JsonNode> fields) {
    for (String name : ENTITY_FIELDS) {
      JsonNode node = fields.get(name);
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

  private static Instant timestamp(Map<String, JsonNode> fields, Instant fallbackTime) {
    for (String name : TIME_FIELDS) {
      JsonNode node = fields.get(name);
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

  private static Map<String, String> attributes(JsonNode event, JsonNode explicit) {
    Map<String, String> attributes = null;
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      if (!field.getValue().isNull() && !KNOWN_FIELDS.contains(normalise(field.getKey()))) {
        attributes = attributes == null ? new LinkedHashMap<>() : attributes;
        attributes.put(field.getKey(), asText(field.getValue()));
      }
    }
    if (explicit != null && !explicit.isNull()) {
      if (!explicit.isObject()) {
        throw new InvalidEventException("'attributes' must be a JSON object of names to values");
      }
      for (Map.Entry<String, JsonNode> field : explicit.properties()) {
        if (!field.getValue().isNull()) {
          attributes = attributes == null ? new LinkedHashMap<>() : attributes;
          attributes.put(field.getKey(), asText(field.getValue()));
        }
      }
    }
    return attributes == null ? Map.of() : attributes;
  }

  private static String asText(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
