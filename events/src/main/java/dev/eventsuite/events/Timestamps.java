package dev.eventsuite.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamps people send: ISO-8601 with or without a zone (no zone means UTC), with a
 * space or a {@code T} between date and time, a bare date, or an epoch number.
 *
 * <p>Epoch numbers below 10<sup>11</sup> are seconds, larger ones milliseconds: 10<sup>11</sup>
 * milliseconds is March 1973 and 10<sup>11</sup> seconds the year 5138, so no real timestamp is
 * ambiguous.
 */
public final class Timestamps {

  private static final double SECONDS_LIMIT = 1e11;

  private Timestamps() {}

  /**
   * Parses text as a timestamp.
   *
   * @throws InvalidEventException naming the accepted forms when the text is none of them
   */
  public static Instant parse(String text) {
    String trimmed = text.trim();
    if (isNumeric(trimmed)) {
      return fromEpoch(new BigDecimal(trimmed).doubleValue());
    }
    try {
      return parseIso(trimmed);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          "timestamp '"
              + text
              + "' is neither ISO-8601 (e.g. 2025-01-01T10:00:00Z; no zone means UTC) nor epoch"
              + " milliseconds");
    }
  }

  /** An epoch number in seconds or milliseconds, as the class documentation explains. */
  public static Instant fromEpoch(double epoch) {
    if (!Double.isFinite(epoch) || epoch < 0) {
      throw new InvalidEventException(
          "timestamp " + epoch + " is not a valid epoch time: expected milliseconds since 1970");
    }
    if (epoch < SECONDS_LIMIT) {
      long seconds = (long) epoch;
      long nanos = Math.round((epoch - seconds) * 1_000_000_000d);
      return Instant.ofEpochSecond(seconds, nanos);
    }
    return Instant.ofEpochMilli((long) epoch);
  }

  private static Instant parseIso(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    if (iso.length() == 10) {
      return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(
            iso, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (parsed instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  private static boolean isNumeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    boolean digit = false;
    boolean dot = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit;
  }
}
