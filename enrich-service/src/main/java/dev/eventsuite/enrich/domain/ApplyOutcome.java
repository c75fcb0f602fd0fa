package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.feature.FeaturesUpdated;

/** What applying one metric event to an entity's features did. */
public sealed interface ApplyOutcome {

  /** The event changed the features; this is the snapshot after it. */
  record Applied(FeaturesUpdated features) implements ApplyOutcome {}

  /** The entity's state already includes this event: a replay. Nothing changed. */
  record AlreadyApplied() implements ApplyOutcome {}

  /** The event is later than the allowed lateness; it changed nothing. */
  record TooLate(String reason) implements ApplyOutcome {}
}
