package dev.eventsuite.events;

/**
 * Headers added to a record sent to a dead-letter topic ({@code <topic>-dlq}). The record's key,
 * value and original headers are kept unchanged.
 */
public final class DeadLetter {

  /** Why the record was rejected, written for a person to act on. */
  public static final String REASON = "dlq_reason";

  /** The class of error: {@code invalid-event}, {@code unsupported-content}, {@code processing}. */
  public static final String ERROR_TYPE = "dlq_error_type";

  /** The topic, partition and offset the record was read from. */
  public static final String SOURCE_TOPIC = "dlq_source_topic";

  public static final String SOURCE_PARTITION = "dlq_source_partition";
  public static final String SOURCE_OFFSET = "dlq_source_offset";

  /** The service that rejected it. */
  public static final String SERVICE = "dlq_service";

  /** When it was rejected (ISO-8601). */
  public static final String TIME = "dlq_time";

  /** What part of the source was at fault when a record stands for part of it, e.g. a row. */
  public static final String LOCATION = "dlq_location";

  private DeadLetter() {}
}
