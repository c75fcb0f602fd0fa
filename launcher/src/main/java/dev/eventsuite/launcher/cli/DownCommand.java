package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.Suite;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description =
        "Stops the suite started from the data folder: services first, then the broker. Data is kept.")
final class DownCommand implements Callable<Integer> {

  @Mixin DataOption data;

  @Override
  public Integer call() {
    List<Component> stopped = Suite.down(data.dataDir(), System.out);
    System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped.");
    return 0;
  }
}
