package dev.eventsuite.anomaly.rest;

import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.Timestamps;
import dev.eventsuite.platform.http.ProblemException;
import java.time.Instant;

/** Times in requests' parameters and fields: ISO-8601 or epoch millis, as events take them. */
final class RequestTimes {

  private RequestTimes() {}

  /**
   * The time given as {@code name}, or {@code absent} when it was not given.
   *
   * @throws ProblemException 400 naming it when it is not a time
   */
  static Instant parse(String name, String text, Instant absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return Timestamps.parse(text);
    } catch (InvalidEventException e) {
      throw ProblemException.badRequest("invalid-" + name, name + ": " + e.getMessage());
    }
  }
}
