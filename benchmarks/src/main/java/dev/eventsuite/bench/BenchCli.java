package dev.eventsuite.bench;

import dev.eventsuite.bench.anomaly.AnomalyBenchmark;
import dev.eventsuite.bench.cli.CliBenchmark;
import dev.eventsuite.bench.embed.EmbedBenchmark;
import dev.eventsuite.bench.enrich.EnrichBenchmark;
import dev.eventsuite.bench.ingest.IngestBenchmark;
import dev.eventsuite.bench.retrieval.RetrievalBenchmark;
import dev.eventsuite.bench.search.SearchBenchmark;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/bench}: each benchmark measures one service on this machine and writes a report. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures the suite's services and CLI on this machine; each writes a report to"
            + " docs/benchmarks/.",
    subcommands = {
      IngestBenchmark.class,
      EnrichBenchmark.class,
      EmbedBenchmark.class,
      SearchBenchmark.class,
      RetrievalBenchmark.class,
      AnomalyBenchmark.class,
      CliBenchmark.class
    })
public final class BenchCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.exit(new CommandLine(new BenchCli()).execute(args));
  }

  /** The checkout whose built services are measured; bin/bench sets it. */
  public static Path home() {
    return Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
