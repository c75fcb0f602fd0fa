package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.Suite;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How components are started: what {@code up} takes, and its supervisor restarts them with. */
final class StartOptions {

  @Option(
      names = "--port",
      paramLabel = "NAME=PORT",
      description =
          "A component's port, e.g. --port search=9080 --port kafka=19092. Defaults: search 8080, ingest 8081, enrich 8082, embed 8083, anomaly 8084, kafka 9092 (9093 for its controller, 9094 for TLS).")
  Map<String, Integer> ports = Map.of();

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions per topic when first created (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--ready-timeout",
      defaultValue = "120",
      description = "Seconds to wait for each component (default ${DEFAULT-VALUE}).")
  long readyTimeoutSeconds;

  Suite.Options suiteOptions(DataDir dataDir, PrintStream out) {
    Map<Component, Integer> byComponent = new EnumMap<>(Component.class);
    ports.forEach((name, port) -> byComponent.put(Component.byId(name), port));
    return new Suite.Options(
        SuiteHome.locate(),
        dataDir,
        byComponent,
        partitions,
        Duration.ofSeconds(readyTimeoutSeconds),
        out);
  }

  /** These options as arguments, for another command started with the same. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    ports.forEach((name, port) -> arguments.addAll(List.of("--port", name + "=" + port)));
    arguments.addAll(List.of("--partitions", String.valueOf(partitions)));
    arguments.addAll(List.of("--ready-timeout", String.valueOf(readyTimeoutSeconds)));
    return arguments;
  }
}
