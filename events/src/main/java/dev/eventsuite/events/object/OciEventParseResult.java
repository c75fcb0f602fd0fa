package dev.eventsuite.events.object;

/** The outcome of reading one OCI event: an object change, an event to ignore, or a rejection. */
public sealed interface OciEventParseResult {

  /** An object was created, updated or deleted. */
  record Accepted(ObjectChanged event) implements OciEventParseResult {}

  /** A valid event the suite has no use for, such as a bucket event. */
  record Ignored(String eventType, String reason) implements OciEventParseResult {}

  /** Not a usable OCI event; the reason says what is missing or wrong. */
  record Rejected(String reason) implements OciEventParseResult {}
}
