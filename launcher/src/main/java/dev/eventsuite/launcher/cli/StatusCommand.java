package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.ComponentStatus;
import dev.eventsuite.launcher.suite.Suite;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows each component's state. Exits 0 when all are ready, 3 otherwise.")
final class StatusCommand implements Callable<Integer> {

  /** As in LSB init scripts: the program is not running (or not fully). */
  private static final int NOT_RUNNING = 3;

  @Mixin DataOption data;

  @Override
  public Integer call() {
    List<ComponentStatus> statuses = Suite.status(data.dataDir());
    System.out.printf(
        "%-16s %-10s %-8s %-9s %s%n", "COMPONENT", "STATE", "PID", "RESTARTS", "ADDRESS");
    for (ComponentStatus status : statuses) {
      System.out.printf(
          "%-16s %-10s %-8s %-9s %s%n",
          status.component().id(),
          status.state().name().toLowerCase().replace('_', ' '),
          status.record() == null ? "-" : status.record().pid(),
          status.record() == null ? "-" : status.record().restarts(),
          status.record() == null ? "-" : status.record().url());
    }
    boolean allReady = statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.READY);
    return allReady ? 0 : NOT_RUNNING;
  }
}
