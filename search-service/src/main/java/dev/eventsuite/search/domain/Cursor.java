package dev.eventsuite.search.domain;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Where the next page of a search starts: an offset bound to the search it belongs to, opaque to
 * callers.
 *
 * @param offset how many results the earlier pages held
 * @param search a fingerprint of the search (query, filters, mode, weights)
 */
public record Cursor(int offset, long search) {

  public String encode() {
    ByteBuffer bytes = ByteBuffer.allocate(12).putInt(offset).putLong(search);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /** The cursor, which must belong to the given search; an IllegalArgumentException if not. */
  public static Cursor decode(String text, long search) {
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the cursor is not one this service gave out");
    }
    if (bytes.remaining() != 12) {
      throw new IllegalArgumentException("the cursor is not one this service gave out");
    }
    Cursor cursor = new Cursor(bytes.getInt(), bytes.getLong());
    if (cursor.search != search || cursor.offset < 0) {
      throw new IllegalArgumentException("the cursor belongs to another search");
    }
    return cursor;
  }
}
