package dev.eventsuite.events;

/**
 * Where a record was read: consumers store it with the state it produced, so a replay after a crash
 * is recognised and changes nothing.
 */
public record SourcePosition(String topic, int partition, long offset) {

  /** Whether this position is at or before another one of the same topic and partition. */
  public boolean isAtOrBefore(SourcePosition other) {
    return topic.equals(other.topic) && partition == other.partition && offset <= other.offset;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
