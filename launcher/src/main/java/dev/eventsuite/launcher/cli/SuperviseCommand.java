package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Supervises a suite that {@code up --detach} started, in the background, until {@code bin/suite
 * down}: the same supervision as {@code up} in the foreground.
 */
@Command(
    name = "supervise",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Supervises a running suite until 'bin/suite down'; started by 'up --detach'.")
final class SuperviseCommand implements Callable<Integer> {

  @Mixin DataOption data;

  @Mixin StartOptions start;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    RunningSuite suite = Suite.attach(start.suiteOptions(data.dataDir(), out));
    out.println("Supervising Event Suite from " + suite.dataDir().root());
    Supervision.untilDown(suite, out);
    return 0;
  }
}
