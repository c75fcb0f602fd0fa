package dev.eventsuite.anomaly.store;

/** The anomaly store could not be read or written. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
