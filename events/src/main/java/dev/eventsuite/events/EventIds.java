package dev.eventsuite.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: the same source position always gives the same id, so a replay produces
 * the same ids and consumers can deduplicate.
 */
public final class EventIds {

  /** The namespace of every name-based id of the suite (RFC 9562 version 5). */
  private static final UUID NAMESPACE = UUID.fromString("4d1e2b8a-5c1f-5a3e-9b7d-2f6c0e8a1d35");

  private static final byte[] NAMESPACE_BYTES =
      ByteBuffer.allocate(16)
          .putLong(NAMESPACE.getMostSignificantBits())
          .putLong(NAMESPACE.getLeastSignificantBits())
          .array();

  private static final byte SEPARATOR = '|';
  private static final byte ESCAPE = '\\';

  /** A digest per thread: looking one up costs more than hashing a short name. */
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(EventIds::sha1);

  private EventIds() {}

  /**
   * A version-5 (SHA-1, name-based) UUID of the given parts, e.g. an object path, its version and a
   * row number. Parts are joined with a separator that cannot occur in them unescaped. A part that
   * is a {@code byte[]} is UTF-8 text, hashed as it is: a row read as bytes gets the id its text
   * would.
   */
  public static String of(Object... parts) {
    MessageDigest sha1 = SHA1.get();
    sha1.update(NAMESPACE_BYTES);
    for (Object part : parts) {
      byte[] name =
          part instanceof byte[] bytes
              ? bytes
              : String.valueOf(part).getBytes(StandardCharsets.UTF_8);
      updateEscaped(sha1, name);
      sha1.update(SEPARATOR);
    }
    byte[] hash = sha1.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong()).toString();
  }

  /**
   * Hashes a part with a backslash before each backslash and separator in it. Both are ASCII, so
   * they never occur inside the bytes of another UTF-8 character.
   */
  private static void updateEscaped(MessageDigest sha1, byte[] part) {
    int from = 0;
    for (int i = 0; i < part.length; i++) {
      if (part[i] == ESCAPE || part[i] == SEPARATOR) {
        sha1.update(part, from, i - from);
        sha1.update(ESCAPE);
        from = i;
      }
    }
    sha1.update(part, from, part.length - from);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-1", e);
    }
  }
}
