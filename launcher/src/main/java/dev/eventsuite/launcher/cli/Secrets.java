package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.SuiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Secrets for the operator commands: from a file (a mounted secret) or the environment. */
final class Secrets {

  private Secrets() {}

  /** The file's content without its trailing line break, else the variable's value, if any. */
  static Optional<String> read(Path file, String environmentVariable) {
    if (file != null) {
      try {
        return Optional.of(Files.readString(file).strip()).filter(value -> !value.isEmpty());
      } catch (IOException e) {
        throw new SuiteException("cannot read " + file + ": " + e.getMessage());
      }
    }
    return Optional.ofNullable(System.getenv(environmentVariable))
        .filter(value -> !value.isEmpty());
  }
}
