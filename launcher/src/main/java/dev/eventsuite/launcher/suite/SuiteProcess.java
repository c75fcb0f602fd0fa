package dev.eventsuite.launcher.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts and stops the suite's child processes. */
final class SuiteProcess {

  /**
   * Puts a child in its own session: Ctrl-C reaches only the launcher, which stops children in
   * order.
   */
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private SuiteProcess() {}

  /** Starts a JVM with the given options and arguments, its output appended to the log file. */
  static RunRecord startJvm(
      Component component,
      List<String> javaArguments,
      Map<String, String> environment,
      Path log,
      int port,
      String url) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + component.maxHeap());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(javaArguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .redirectInput(Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      Instant started = process.info().startInstant().orElse(Instant.now());
      return new RunRecord(component.id(), process.pid(), started, port, url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + component.id(), e);
    }
  }

  /** Stops a process: SIGTERM, then SIGKILL if it has not exited within 30 s. */
  static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The last lines of a log, to show why a process failed. */
  static String tail(Path log, int lines) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
