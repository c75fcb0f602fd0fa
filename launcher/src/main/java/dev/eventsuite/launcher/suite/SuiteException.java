package dev.eventsuite.launcher.suite;

/** The suite could not do what was asked; the message says why and what to do. */
public class SuiteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SuiteException(String message) {
    super(message);
  }
}
