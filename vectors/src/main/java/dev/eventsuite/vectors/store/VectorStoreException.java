package dev.eventsuite.vectors.store;

/** The vector store failed: the write or search may be retried. */
public class VectorStoreException extends RuntimeException {

  public VectorStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
