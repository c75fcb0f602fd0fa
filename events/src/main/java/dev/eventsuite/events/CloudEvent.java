package dev.eventsuite.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a record on one of the suite's own topics, carried in Kafka
 * headers in binary content mode ({@code ce_id}, {@code ce_type}, ...); the value is the event's
 * JSON.
 *
 * @param id deterministic id, see {@link EventIds}
 * @param type the event type, e.g. {@code dev.eventsuite.metric.recorded}
 * @param source the producing context, e.g. {@code /eventsuite/ingest-service}
 * @param time when the event happened
 * @param subject what the event is about (entity id, document id, object path); may be null
 * @param sequence the event's place among the events of its source, which are published in this
 *     order (the CloudEvents {@code sequence} extension; a row's number in the object it was read
 *     from); null when the source has no such order
 */
public record CloudEvent(
    String id, String type, String source, Instant time, String subject, Long sequence) {

  public static final String SPEC_VERSION = "1.0";
  public static final String HEADER_ID = "ce_id";
  public static final String HEADER_TYPE = "ce_type";
  public static final String HEADER_SOURCE = "ce_source";
  public static final String HEADER_TIME = "ce_time";
  public static final String HEADER_SPEC_VERSION = "ce_specversion";
  public static final String HEADER_SUBJECT = "ce_subject";
  public static final String HEADER_SEQUENCE = "ce_sequence";
  public static final String HEADER_CONTENT_TYPE = "content-type";
  public static final String JSON = "application/json";

  private static final Header SPEC_VERSION_HEADER = header(HEADER_SPEC_VERSION, SPEC_VERSION);
  private static final Header JSON_CONTENT_TYPE_HEADER = header(HEADER_CONTENT_TYPE, JSON);

  /**
   * Headers of the types and sources, made once each: every event of a kind shares them, and a
   * record's headers are only read. Bounded, as a safeguard.
   */
  private static final Map<String, Header> TYPE_HEADERS = new ConcurrentHashMap<>();

  private static final Map<String, Header> SOURCE_HEADERS = new ConcurrentHashMap<>();
  private static final int MAX_SHARED_HEADERS = 256;

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    if (sequence != null && sequence < 0) {
      throw new IllegalArgumentException("a sequence is never negative: " + sequence);
    }
  }

  /** An event whose source has no order of its own. */
  public CloudEvent(String id, String type, String source, Instant time, String subject) {
    this(id, type, source, time, subject, null);
  }

  /** The same attributes, placed in their source's order. */
  public CloudEvent withSequence(String sequencedSource, long sequence) {
    return new CloudEvent(id, type, sequencedSource, time, subject, sequence);
  }

  /** The attributes as binary-mode headers, for a new record. */
  public Headers toHeaders() {
    Header[] headers = new Header[6 + (subject == null ? 0 : 1) + (sequence == null ? 0 : 1)];
    headers[0] = SPEC_VERSION_HEADER;
    headers[1] = header(HEADER_ID, id);
    headers[2] = shared(TYPE_HEADERS, HEADER_TYPE, type);
    headers[3] =
        sequence == null
            ? shared(SOURCE_HEADERS, HEADER_SOURCE, source)
            : header(HEADER_SOURCE, source); // a sequenced source is one object: not kept
    headers[4] = new RecordHeader(HEADER_TIME, Timestamps.formatAscii(time));
    headers[5] = JSON_CONTENT_TYPE_HEADER;
    int next = 6;
    if (subject != null) {
      headers[next++] = header(HEADER_SUBJECT, subject);
    }
    if (sequence != null) {
      headers[next] = header(HEADER_SEQUENCE, formatSequence(sequence));
    }
    return new RecordHeaders(headers);
  }

  /**
   * Reads the attributes from binary-mode headers; empty when the record carries none (e.g. a
   * producer outside the suite wrote it) or they are incomplete.
   */
  public static Optional<CloudEvent> readFrom(Headers headers) {
    String id = text(headers, HEADER_ID);
    String type = text(headers, HEADER_TYPE);
    String source = text(headers, HEADER_SOURCE);
    String time = text(headers, HEADER_TIME);
    if (id == null || type == null || source == null || time == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CloudEvent(
              id,
              type,
              source,
              Instant.parse(time),
              text(headers, HEADER_SUBJECT),
              parseSequence(text(headers, HEADER_SEQUENCE))));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A sequence as the extension wants it, a string that sorts as the numbers do: zero-padded to the
   * 19 digits of the largest long.
   */
  static String formatSequence(long sequence) {
    String digits = Long.toString(sequence);
    return "0".repeat(19 - digits.length()) + digits;
  }

  /**
   * A record's {@code ce_sequence}; empty when it has none, or one that is not a number a sequence
   * can be (such a record's place among its source's events is unknown).
   */
  public static OptionalLong sequence(Headers headers) {
    try {
      Long sequence = parseSequence(text(headers, HEADER_SEQUENCE));
      return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    } catch (IllegalArgumentException unnumbered) {
      return OptionalLong.empty();
    }
  }

  private static Long parseSequence(String text) {
    if (text == null) {
      return null;
    }
    long sequence = Long.parseLong(text);
    if (sequence < 0) {
      throw new IllegalArgumentException("negative sequence " + text);
    }
    return sequence;
  }

  /** The value of a header as UTF-8 text, the last one when repeated; null when absent. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Header shared(Map<String, Header> headers, String name, String value) {
    Header header = headers.get(value);
    if (header == null) {
      header = header(name, value);
      if (headers.size() < MAX_SHARED_HEADERS) {
        headers.put(value, header);
      }
    }
    return header;
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
