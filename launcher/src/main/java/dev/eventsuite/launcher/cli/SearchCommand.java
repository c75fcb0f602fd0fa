package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.search.ResultTable;
import dev.eventsuite.launcher.search.SearchClient;
import dev.eventsuite.launcher.suite.Component;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the suite's documents and prints the results as a table: title, score, source and"
          + " snippet.",
      "Exits 0 with results or none, 1 when the search failed."
    })
final class SearchCommand implements Callable<Integer> {

  private static final int DEFAULT_WIDTH = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServiceAddress service;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words or a question.")
  List<String> words;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Results, 1 to 100 (default ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--mode",
      defaultValue = "hybrid",
      description = "semantic, keyword or hybrid (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--category",
      paramLabel = "C",
      description = "Only this category; repeat for any of several.")
  List<String> categories = List.of();

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "Only this collection (a bucket, by default).")
  String collection;

  @Override
  public Integer call() throws IOException {
    SearchClient client = new SearchClient(service.url(Component.SEARCH), service.apiKey());
    PrintWriter out = spec.commandLine().getOut();
    try {
      List<SearchClient.Hit> hits =
          client.search(
              new SearchClient.Query(String.join(" ", words), k, mode, categories, collection));
      out.print(ResultTable.format(hits, width()));
      out.flush();
      return 0;
    } catch (SearchClient.SearchFailed e) {
      spec.commandLine().getErr().println("search failed: " + e.getMessage());
      return 1;
    }
  }

  private static int width() {
    try {
      return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
