package dev.eventsuite.ingest.domain.document;

/**
 * An object whose text cannot be extracted.
 *
 * @see #errorType()
 */
public class ExtractionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String errorType;

  public ExtractionException(String errorType, String reason, Throwable cause) {
    super(reason, cause);
    this.errorType = errorType;
  }

  /** {@code encrypted}, {@code corrupt} or {@code too-large}: the dead-letter error type. */
  public String errorType() {
    return errorType;
  }
}
