package dev.eventsuite.launcher.oci;

import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Metric events as JSON Lines: each non-blank line one event in any shape enrich-service reads.
 * Lines are checked before they are sent, so a bad one is reported with its number instead of
 * ending up on a dead-letter topic.
 */
public final class MetricEventLines {

  /** OCI Streaming's largest message. */
  public static final int MAX_EVENT_BYTES = 1024 * 1024;

  /** A line to send: the entity id is the record key, the line itself the value, unchanged. */
  public record Event(long line, byte[] key, byte[] value) {}

  /** What reading found next: an event, or a line that is not one. */
  public sealed interface Line permits Valid, Invalid {}

  public record Valid(Event event) implements Line {}

  public record Invalid(long line, String reason) implements Line {}

  private final BufferedReader reader;
  private long number;

  public MetricEventLines(BufferedReader reader) {
    this.reader = reader;
  }

  /** The next line with an event or a reason; null at the end. */
  public Line next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      number++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    byte[] value = text.strip().getBytes(StandardCharsets.UTF_8);
    if (value.length > MAX_EVENT_BYTES) {
      return new Invalid(
          number, "the event is " + value.length + " bytes; a stream message holds at most 1 MiB");
    }
    try {
      // The time is only needed to validate: an event without one gets the record's time later.
      MetricRecorded event = MetricEventParser.parse(value, Instant.EPOCH);
      return new Valid(new Event(number, event.entityId().getBytes(StandardCharsets.UTF_8), value));
    } catch (InvalidEventException e) {
      return new Invalid(number, e.getMessage());
    }
  }
}
