package dev.eventsuite.enrich.store;

/** The feature store failed; the stream rewinds and retries, a lookup answers 503. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
