package dev.eventsuite.platform.http;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling and what they may do: a key holder may do everything its key allows; a bearer
 * token holder what its permissions name, collection by collection.
 *
 * @param name who, for logs: {@code api-key}, {@code admin-key} or the token's subject
 * @param admin whether administrative operations are allowed
 * @param readable the collections it may read; {@code *} for every one
 * @param writable the collections it may write; {@code *} for every one
 */
public record Caller(String name, boolean admin, Set<String> readable, Set<String> writable) {

  static final String EVERY = "*";

  /** The holder of the API key: every collection. */
  public static final Caller API_KEY = new Caller("api-key", false, Set.of(EVERY), Set.of(EVERY));

  /** The holder of the admin key: everything. */
  public static final Caller ADMIN_KEY =
      new Caller("admin-key", true, Set.of(EVERY), Set.of(EVERY));

  public Caller {
    readable = Set.copyOf(readable);
    writable = Set.copyOf(writable);
  }

  /**
   * A token holder's access from its permissions: {@code read:<collection>}, {@code
   * write:<collection>} (which implies reading it), {@code *} as the collection for every one, and
   * {@code admin}. Others are not the suite's and are left alone.
   */
  public static Caller of(String subject, List<String> permissions) {
    Set<String> read = new TreeSet<>();
    Set<String> write = new TreeSet<>();
    boolean admin = false;
    for (String permission : permissions) {
      if (permission.equals("admin")) {
        admin = true;
      } else if (permission.startsWith("read:") && permission.length() > 5) {
        read.add(permission.substring(5));
      } else if (permission.startsWith("write:") && permission.length() > 6) {
        write.add(permission.substring(6));
        read.add(permission.substring(6));
      }
    }
    return new Caller(subject, admin, read, write);
  }

  public boolean canRead(String collection) {
    return readsEverything() || readable.contains(collection);
  }

  public boolean canWrite(String collection) {
    return writable.contains(EVERY) || writable.contains(collection);
  }

  /** Whether it may write every collection. */
  public boolean writesEverything() {
    return writable.contains(EVERY);
  }

  /** Whether it may read every collection, so a search need not name one. */
  public boolean readsEverything() {
    return readable.contains(EVERY);
  }

  /** Refuses with 403 unless it may read the collection. */
  public void requireRead(String collection) {
    if (!canRead(collection)) {
      throw ProblemException.forbidden(
          "this token may not read collection '" + collection + "'" + readableList());
    }
  }

  /** Refuses with 403 unless it may write the collection. */
  public void requireWrite(String collection) {
    if (!canWrite(collection)) {
      throw ProblemException.forbidden(
          "this token may not write collection '"
              + collection
              + "'"
              + (writable.isEmpty() ? "" : "; it may write " + String.join(", ", writable)));
    }
  }

  /** "; it may read a, b", or nothing when it may read none. */
  public String readableList() {
    return readable.isEmpty() ? "" : "; it may read " + String.join(", ", readable);
  }
}
