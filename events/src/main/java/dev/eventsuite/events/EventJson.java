package dev.eventsuite.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.events.metric.MetricRecordedSerializer;
import java.io.IOException;
import java.time.Instant;

/** The one JSON mapping of every event, used by every service on every topic and API. */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private EventJson() {}

  /**
   * Applies the suite's JSON conventions to a mapper: ISO-8601 times, unknown fields ignored,
   * absent values omitted. Services call this on the framework's mapper so HTTP and streams agree.
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    // Numbers are most of a feature snapshot: the JDK's own double parsing and printing are slow.
    mapper
        .getFactory()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature())
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(
            new SimpleModule("suite-events")
                .addSerializer(new InstantSerializer())
                .addDeserializer(Instant.class, new InstantDeserializer())
                .addSerializer(new MetricRecordedSerializer()))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /** Instants as {@link Instant#toString()} writes them, by the suite's fast formatter. */
  private static final class InstantSerializer extends StdSerializer<Instant> {

    private static final long serialVersionUID = 1L;

    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(Timestamps.format(value));
    }
  }

  /**
   * Instants by the suite's fast reader of the common ISO-8601 forms ({@link Timestamps#parse}),
   * which also takes a time without a zone as UTC, and epoch numbers.
   */
  private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        try {
          return Timestamps.parse(text);
        } catch (InvalidEventException e) {
          throw context.weirdStringException(text, Instant.class, e.getMessage());
        }
      }
      if (parser.currentToken().isNumeric()) {
        try {
          return Timestamps.fromEpoch(parser.getDoubleValue());
        } catch (InvalidEventException e) {
          throw context.weirdNumberException(
              parser.getNumberValue(), Instant.class, e.getMessage());
        }
      }
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
  }

  /** A shared mapper with the suite's conventions; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object event) {
    if (event instanceof MetricRecorded metric) {
      return MetricRecordedSerializer.toBytes(metric);
    }
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + event.getClass().getName(), e);
    }
  }

  public static String toJson(Object event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + event.getClass().getName(), e);
    }
  }

  /**
   * Reads an event of the given type.
   *
   * @throws InvalidEventException when the bytes are not JSON of that shape
   */
  public static <T> T fromBytes(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new InvalidEventException(
          "not a valid " + type.getSimpleName() + " JSON document: " + firstLine(e.getMessage()),
          e);
    }
  }

  /**
   * Reads any JSON document as a tree.
   *
   * @throws InvalidEventException when the bytes are not JSON
   */
  public static JsonNode tree(byte[] json) {
    if (json == null || json.length == 0) {
      throw new InvalidEventException("the event is empty: expected a JSON document");
    }
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidEventException(
          "the event is not valid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
