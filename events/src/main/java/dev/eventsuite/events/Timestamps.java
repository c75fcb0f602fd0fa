package dev.eventsuite.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
      Instant common = parseCommon(trimmed);
      return common != null ? common : parseIso(trimmed);
    } catch (DateTimeException e) {
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

  /**
   * Formats an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in
   * groups of three digits, none when zero), without the general-purpose formatter: events of one
   * second share its formatted date and time, so only the fraction is written for each.
   */
  public static String format(Instant instant) {
    return new String(formatAscii(instant), StandardCharsets.ISO_8859_1);
  }

  /** {@link #format(Instant)} as ASCII bytes, for the places that write bytes. */
  public static byte[] formatAscii(Instant instant) {
    long seconds = instant.getEpochSecond();
    FormattedSecond second = lastFormatted;
    if (second.epochSecond != seconds) {
      String whole = instant.minusNanos(instant.getNano()).toString();
      if (whole.length() != 20) {
        return instant.toString().getBytes(StandardCharsets.ISO_8859_1); // a year beyond 0-9999
      }
      second =
          new FormattedSecond(
              seconds, whole.substring(0, 19).getBytes(StandardCharsets.ISO_8859_1));
      lastFormatted = second;
    }
    int nanos = instant.getNano();
    int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    byte[] text = new byte[19 + (digits == 0 ? 0 : 1 + digits) + 1];
    System.arraycopy(second.text, 0, text, 0, 19);
    if (digits > 0) {
      text[19] = '.';
      int value = nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1000 : 1);
      for (int i = 19 + digits; i > 19; i--) {
        text[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
    }
    text[text.length - 1] = 'Z';
    return text;
  }

  /** A second and its text up to the seconds, e.g. {@code 2025-01-01T10:00:00}, in ASCII. */
  private record FormattedSecond(long epochSecond, byte[] text) {}

  /** The second formatted last: an immutable pair, so threads may race for it harmlessly. */
  private static volatile FormattedSecond lastFormatted =
      new FormattedSecond(Long.MIN_VALUE, new byte[0]);

  /**
   * The forms nearly every producer sends, read without the general-purpose parser: {@code
   * yyyy-MM-ddTHH:mm:ss}, a space allowed for the {@code T}, an optional fraction of up to nine
   * digits, then nothing (UTC), {@code Z}, or an offset {@code ±HH:mm}. Null for any other form.
   *
   * @throws DateTimeException when the form is right but a field is out of range
   */
  private static Instant parseCommon(String text) {
    int length = text.length();
    if (length < 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (at < length && text.charAt(at) == '.') {
      int from = ++at;
      while (at < length && at - from < 9 && Character.isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      if (at == from) {
        return null;
      }
      for (int scale = at - from; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (at < length) {
      char zone = text.charAt(at);
      if (zone == 'Z' && at + 1 == length) {
        offsetSeconds = 0;
      } else if ((zone == '+' || zone == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
        int offsetHours = digits(text, at + 1, 2);
        int offsetMinutes = digits(text, at + 4, 2);
        if (offsetHours < 0 || offsetMinutes < 0) {
          return null;
        }
        offsetSeconds = ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes).getTotalSeconds();
        offsetSeconds = zone == '-' ? -offsetSeconds : offsetSeconds;
      } else {
        return null;
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** The number in {@code count} ASCII digits from {@code from}; -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
