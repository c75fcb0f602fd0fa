package dev.eventsuite.launcher.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The folder holding everything the local suite keeps: the broker's log, each service's stores, the
 * local buckets, logs, process records and the API key. It survives {@code down} and {@code up}.
 */
public record DataDir(Path root) {

  /** The bucket created on first start, so there is somewhere to drop files. */
  public static final String DEFAULT_BUCKET = "inbox";

  private static final String API_KEY_ENV = "SUITE_API_KEY";

  private static final String LOGS = "logs";

  private static final String RUN = "run";

  public DataDir {
    root = root.toAbsolutePath().normalize();
  }

  public Path kafka() {
    return root.resolve("kafka");
  }

  /** The broker's TLS certificate, made on first start; services trust it. */
  public Path tls() {
    return root.resolve("tls");
  }

  public Path buckets() {
    return root.resolve("buckets");
  }

  public Path logs() {
    return root.resolve(LOGS);
  }

  public Path log(Component component) {
    return logs().resolve(component.id() + ".log");
  }

  /** Where the records of running processes are kept. */
  public Path run() {
    return root.resolve(RUN);
  }

  /** Left by {@code bin/suite down} so that the supervisor of {@code bin/suite up} lets go. */
  public Path stopRequested() {
    return run().resolve("stop-requested");
  }

  /**
   * Whether a path of the folder (relative to it) holds the suite's state, which a backup keeps;
   * logs and process records belong to one run only.
   */
  public static boolean holdsState(Path relative) {
    String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
    return !first.equals(LOGS) && !first.equals(RUN);
  }

  /** Creates the folders a first start needs, including the default bucket. */
  public void prepare() {
    try {
      Files.createDirectories(kafka());
      Files.createDirectories(buckets().resolve(DEFAULT_BUCKET));
      Files.createDirectories(logs());
      Files.createDirectories(run());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the data folder " + root, e);
    }
  }

  /**
   * The API key: {@code SUITE_API_KEY} when set, else the one generated into {@code api-key} on
   * first use and kept there, readable by its owner only.
   */
  public String apiKey() {
    String fromEnvironment = System.getenv(API_KEY_ENV);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    Path file = root.resolve("api-key");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(root);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the API key in " + file, e);
    }
  }
}
