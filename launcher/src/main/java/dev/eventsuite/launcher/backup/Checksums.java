package dev.eventsuite.launcher.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every file of a backup, in the format of {@code sha256sum}, so that {@code
 * sha256sum -c SHA256SUMS} checks a backup without the suite.
 */
final class Checksums {

  private static final String SEPARATOR = "  ";

  private Checksums() {}

  /**
   * Writes the checksums of every file under {@code folder}, each named by its path relative to
   * {@code folder} after {@code prefix} and a slash.
   */
  static void write(Path folder, String prefix, Path sums) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, String> entry : compute(folder, prefix).entrySet()) {
      lines.append(entry.getValue()).append(SEPARATOR).append(entry.getKey()).append('\n');
    }
    Files.writeString(sums, lines, StandardCharsets.UTF_8);
  }

  /**
   * What differs between the files under {@code folder} and the checksums listed: files missing,
   * changed or not listed. Empty when the folder is intact.
   */
  static List<String> verify(Path folder, String prefix, Path sums) throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
      int separator = line.indexOf(SEPARATOR);
      if (separator > 0) {
        expected.put(line.substring(separator + SEPARATOR.length()), line.substring(0, separator));
      }
    }
    Map<String, String> actual = compute(folder, prefix);
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (path, sum) -> {
          String found = actual.get(path);
          if (found == null) {
            problems.add(path + " is missing");
          } else if (!found.equals(sum)) {
            problems.add(path + " does not match its checksum");
          }
        });
    actual.keySet().stream()
        .filter(path -> !expected.containsKey(path))
        .forEach(path -> problems.add(path + " is not in " + sums.getFileName()));
    return problems;
  }

  private static Map<String, String> compute(Path folder, String prefix) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    List<Path> files;
    try (var paths = Files.walk(folder)) {
      files = paths.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      sums.put(prefix + "/" + folder.relativize(file), sha256(file));
    }
    return sums;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
