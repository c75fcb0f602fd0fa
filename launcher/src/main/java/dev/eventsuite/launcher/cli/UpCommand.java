package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import dev.eventsuite.launcher.suite.Supervisor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Starts the broker and the five services, waits until all are ready and keeps running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

  @Mixin DataOption data;

  @Option(names = "--detach", description = "Return once everything is ready, leaving it running.")
  boolean detach;

  @Option(
      names = "--port",
      paramLabel = "NAME=PORT",
      description =
          "A component's port, e.g. --port search=9080 --port kafka=19092. Defaults: search 8080, ingest 8081, enrich 8082, embed 8083, anomaly 8084, kafka 9092 (and 9093 for its controller).")
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

  @Override
  public Integer call() {
    PrintStream out = System.out;
    DataDir dataDir = data.dataDir();
    out.println("Starting Event Suite from " + dataDir.root());
    long start = System.nanoTime();
    RunningSuite suite =
        Suite.up(
            new Suite.Options(
                SuiteHome.locate(),
                dataDir,
                componentPorts(),
                partitions,
                Duration.ofSeconds(readyTimeoutSeconds),
                out));
    printSummary(out, suite, (System.nanoTime() - start) / 1e9);
    if (detach) {
      out.println(
          "Running in the background; 'bin/suite status' shows it, 'bin/suite down' stops it.");
      return 0;
    }
    out.println("Press Ctrl-C to stop.");
    return superviseUntilStopped(suite, out);
  }

  private Map<Component, Integer> componentPorts() {
    Map<Component, Integer> byComponent = new EnumMap<>(Component.class);
    ports.forEach((name, port) -> byComponent.put(Component.byId(name), port));
    return byComponent;
  }

  /**
   * Keeps running until Ctrl-C or SIGTERM, starting again whatever component dies in the meantime.
   */
  private static int superviseUntilStopped(RunningSuite suite, PrintStream out) {
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            out.println("Stopping Event Suite");
            suite.stop(out);
            out.println("Stopped.");
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "suite-stop"));
    Supervisor supervisor = Supervisor.of(suite, out);
    while (!stopped.get()) {
      if (Files.exists(suite.dataDir().stopRequested()) && stopped.compareAndSet(false, true)) {
        out.println("'bin/suite down' is stopping Event Suite.");
        return 0;
      }
      supervisor.check(Instant.now());
      Suite.pause(Duration.ofSeconds(1));
    }
    return 0;
  }

  private static void printSummary(PrintStream out, RunningSuite suite, double seconds) {
    DataDir data = suite.dataDir();
    out.printf("%nEvent Suite is ready (%.1f s).%n%n", seconds);
    for (Component service : Component.services()) {
      out.printf("  %-16s %s%n", service.id(), suite.url(service));
    }
    out.printf("  %-16s %s%n%n", Component.KAFKA.id(), suite.url(Component.KAFKA));
    out.printf("  %-9s %s   (search and upload)%n", "Search", suite.url(Component.SEARCH) + "/");
    out.printf(
        "  %-9s %s   (series and anomalies)%n", "Anomalies", suite.url(Component.ANOMALY) + "/");
    out.printf(
        "  %-9s %s   (each folder in %s is a bucket)%n",
        "Bucket", data.buckets().resolve(DataDir.DEFAULT_BUCKET) + "/", data.buckets() + "/");
    out.printf("  %-9s %s   (send as X-API-Key)%n", "API key", suite.apiKey());
    out.printf("  %-9s %s%n%n", "Logs", data.logs() + "/");
  }
}
