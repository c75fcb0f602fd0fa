package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.Folders;
import dev.eventsuite.launcher.faults.FaultReport;
import dev.eventsuite.launcher.faults.FaultSuite;
import dev.eventsuite.launcher.faults.WebhookInbox;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.FreePorts;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a suite of its own (fresh data folder, free ports, a webhook receiving its alerts),"
          + " kills ingest-service in the middle of a file, then enrich-, anomaly-, embed- and"
          + " search-service and the broker in turn under a steady load of metric events and"
          + " documents, and compares everything the suite made with a clean run of the same"
          + " input: features, scored series, document chunks, alerts, dead letters.",
      "Exits 0 when nothing was lost or doubled, 1 otherwise."
    })
final class FaultsCommand implements Callable<Integer> {

  @Option(
      names = "--full",
      description = "The full form: 500 entities and 20 documents a group, about 7 minutes.")
  boolean full;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report here.")
  Path report;

  @Option(names = "--keep", description = "Keep the suite's data folder for a look afterwards.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path data = Files.createTempDirectory("event-suite-faults-");
    try (WebhookInbox alerts = new WebhookInbox()) {
      Suite.Options options =
          new Suite.Options(
              SuiteHome.locate(),
              new DataDir(data),
              FreePorts.forAllComponents(),
              3,
              Duration.ofSeconds(120),
              out,
              Component.services(),
              FaultSuite.settings(alerts));
      RunningSuite suite = Suite.up(options);
      FaultReport result;
      try {
        result =
            new FaultSuite(
                    suite, alerts, full ? FaultSuite.Plan.full() : FaultSuite.Plan.lean(), out)
                .run();
      } finally {
        suite.stop(out);
      }
      out.println();
      out.print(result.markdown());
      if (report != null) {
        Files.writeString(report, result.markdown(), StandardCharsets.UTF_8);
      }
      return result.passed() ? 0 : 1;
    } finally {
      if (keep) {
        out.println("The suite's data folder: " + data);
      } else {
        Folders.deleteRecursively(data);
      }
    }
  }
}
