package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  @Mixin DataOption data;

  @Option(names = "--detach", description = "Return once everything is ready, leaving it running.")
  boolean detach;

  @Mixin StartOptions start;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    DataDir dataDir = data.dataDir();
    out.println("Starting Event Suite from " + dataDir.root());
    long start = System.nanoTime();
    RunningSuite suite = Suite.up(this.start.suiteOptions(dataDir, out));
    printSummary(out, suite, (System.nanoTime() - start) / 1e9);
    if (detach) {
      Path log = startSupervisor(dataDir);
      out.println(
          "Running in the background, supervised (its log: "
              + log
              + "); 'bin/suite status' shows it, 'bin/suite down' stops it.");
      return 0;
    }
    out.println("Press Ctrl-C to stop.");
    return superviseUntilStopped(suite, out);
  }

  /**
   * Starts {@code supervise} in a process of its own, in a session of its own where {@code setsid}
   * exists, so that it outlives this command and the terminal.
   *
   * @return its log
   */
  private Path startSupervisor(DataDir dataDir) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dsuite.home=" + SuiteHome.locate());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SuiteCli.class.getName());
    command.add("supervise");
    command.add("--data");
    command.add(dataDir.root().toString());
    command.addAll(start.arguments());
    Path log = dataDir.logs().resolve("supervisor.log");
    new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return log;
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
    if (Supervision.until(suite, out, stopped::get)) {
      stopped.set(true);
    }
    return 0;
  }

  private static void printSummary(PrintStream out, RunningSuite suite, double seconds) {
    DataDir data = suite.dataDir();
    out.printf("%nEvent Suite is ready (%.1f s).%n%n", seconds);
    for (Component service : Component.services()) {
      out.printf("  %-16s %s%n", service.id(), suite.url(service));
    }
    out.printf(
        "  %-16s %s   (TLS for the services: %s, trusting %s)%n%n",
        Component.KAFKA.id(),
        suite.url(Component.KAFKA),
        suite.brokerTlsAddress(),
        suite.brokerTlsSettings().get("ssl.truststore.location"));
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
