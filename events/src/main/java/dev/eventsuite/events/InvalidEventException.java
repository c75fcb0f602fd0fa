package dev.eventsuite.events;

/**
 * An event that cannot be accepted. The message says what is wrong and what a producer should send
 * instead; it is what callers see in a problem response or a dead-letter record.
 */
public class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidEventException(String reason) {
    super(reason);
  }

  public InvalidEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
