package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import dev.eventsuite.launcher.suite.Supervisor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The supervision loop of {@code up} and {@code supervise}. */
final class Supervision {

  private Supervision() {}

  /** Restarts whatever dies until {@code bin/suite down} asks to stop. */
  static void untilDown(RunningSuite suite, PrintStream out) {
    until(suite, out, () -> false);
  }

  /**
   * Restarts whatever dies until {@code bin/suite down} asks to stop or {@code stopped} says so.
   *
   * @return true when {@code bin/suite down} asked
   */
  static boolean until(RunningSuite suite, PrintStream out, BooleanSupplier stopped) {
    Supervisor supervisor = Supervisor.of(suite, out);
    while (!stopped.getAsBoolean()) {
      if (Files.exists(suite.dataDir().stopRequested())) {
        out.println("'bin/suite down' is stopping Event Suite.");
        return true;
      }
      supervisor.check(Instant.now());
      Suite.pause(Duration.ofSeconds(1));
    }
    return false;
  }
}
