package dev.eventsuite.events;

/**
 * Ties a topic to its key and value: the single place that says what travels where.
 *
 * @param name the default topic name (also the OCI stream name); deployments may rename it
 * @param key what the record key holds
 * @param valueType the record value's type
 * @param <V> the record value's type
 */
public record Topic<V>(String name, String key, Class<V> valueType) {

  /** The dead-letter topic of this topic. */
  public String deadLetterName() {
    return Topics.deadLetterOf(name);
  }
}
