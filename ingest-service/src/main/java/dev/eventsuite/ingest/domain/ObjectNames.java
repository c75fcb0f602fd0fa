package dev.eventsuite.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks bucket and object names before they touch a file system. Object names may hold {@code /},
 * spaces and any Unicode, as in OCI Object Storage, but never a path that leaves its bucket.
 */
public final class ObjectNames {

  /** OCI Object Storage's limit on an object name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 1024;

  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,255}");

  private ObjectNames() {}

  /**
   * The name when it is safe to store under a bucket folder.
   *
   * @throws InvalidObjectNameException saying what is wrong
   */
  public static String requireSafe(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidObjectNameException("the object name is empty");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new InvalidObjectNameException(
          "the object name is longer than " + MAX_NAME_BYTES + " bytes");
    }
    if (name.startsWith("/")) {
      throw new InvalidObjectNameException("the object name '" + name + "' is an absolute path");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new InvalidObjectNameException(
            "the object name contains a control character at " + i);
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidObjectNameException(
            "the object name '" + name + "' has an empty, '.' or '..' path segment");
      }
    }
    return name;
  }

  /** The bucket name when it is one folder name that is not hidden. */
  public static String requireSafeBucket(String bucket) {
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new InvalidObjectNameException(
          "the bucket name '"
              + bucket
              + "' must be 1 to 256 letters, digits, '.', '_' or '-', not starting with '.'");
    }
    return bucket;
  }

  /** The file of an object in its bucket's folder; it never lies outside that folder. */
  public static Path resolve(Path bucketFolder, String name) {
    Path folder = bucketFolder.toAbsolutePath().normalize();
    Path file = folder.resolve(requireSafe(name)).normalize();
    if (!file.startsWith(folder) || file.equals(folder)) {
      throw new InvalidObjectNameException("the object name '" + name + "' leaves its bucket");
    }
    return file;
  }

  /** Whether a path segment is hidden (starts with '.'): such files are temporary or private. */
  public static boolean isHidden(String name) {
    for (String segment : name.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
