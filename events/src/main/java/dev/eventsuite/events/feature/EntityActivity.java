package dev.eventsuite.events.feature;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features of all of an entity's events, whatever their metric or type.
 *
 * @param totalEvents events applied since the entity was first seen
 * @param eventCounts events in each trailing window of event time, by window ({@code 1m}, {@code
 *     5m}, {@code 1h}, ...)
 * @param lastEventTime the latest event time seen
 * @param lastEventType the type of the latest event that had one
 * @param secondsSincePrevious event time since the entity's previous event; null for the first
 */
public record EntityActivity(
    long totalEvents,
    Map<String, Long> eventCounts,
    Instant lastEventTime,
    String lastEventType,
    Double secondsSincePrevious) {

  public EntityActivity {
    // Windows keep their configured order.
    eventCounts =
        eventCounts == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(eventCounts));
  }
}
