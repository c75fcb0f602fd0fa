package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.DataDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command takes. */
final class DataOption {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = ".data",
      description = "The data folder: buckets, stores, logs, API key (default ${DEFAULT-VALUE}).")
  Path folder;

  DataDir dataDir() {
    return new DataDir(folder);
  }
}
