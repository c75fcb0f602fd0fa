package dev.eventsuite.ingest.domain;

/** A bucket or object name that must not be used. */
public class InvalidObjectNameException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidObjectNameException(String reason) {
    super(reason);
  }
}
