package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.feature.FeaturesUpdated;

/** What applying one metric event to an entity's features did. */
public sealed interface ApplyOutcome {

  /** The event changed the features; this is the snapshot after it. */
  record Applied(FeaturesUpdated features) implements ApplyOutcome {}

  /** The entity's state already includes this event: a replay. Nothing changed. */
  record AlreadyApplied() implements ApplyOutcome {}

  /**
   * An event applied before arrived again, published twice upstream (same source and sequence, or
   * same id); see {@link AppliedEvents}. Nothing changed.
   */
  record Repeated() implements ApplyOutcome {}

  /**
   * The event is later than the allowed lateness; it changed nothing but what the entity remembers
   * of its events, so that a repeat of it is not reported again.
   */
  record TooLate(String reason) implements ApplyOutcome {}
}
