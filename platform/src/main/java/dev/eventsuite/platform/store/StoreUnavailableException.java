package dev.eventsuite.platform.store;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * A store could not be reached or written for a while: a database that refuses connections, a full
 * disk. Nothing is wrong with the record or request being handled, so it is tried again later
 * rather than dead-lettered or refused.
 */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super(message);
  }

  /**
   * Whether an error, or one of its causes, says a store is unavailable rather than that the work
   * itself is wrong: this exception, or JDBC's transient, recoverable and connection errors.
   */
  public static boolean isCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailableException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
    }
    return false;
  }
}
