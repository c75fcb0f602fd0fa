package dev.eventsuite.launcher.suite;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** A started suite: where each component answers, and how to stop it. */
public final class RunningSuite {

  private final DataDir dataDir;
  private final Map<Component, RunRecord> records;
  private final String apiKey;

  RunningSuite(DataDir dataDir, Map<Component, RunRecord> records, String apiKey) {
    this.dataDir = dataDir;
    this.records = Map.copyOf(records);
    this.apiKey = apiKey;
  }

  public DataDir dataDir() {
    return dataDir;
  }

  public String apiKey() {
    return apiKey;
  }

  /** A service's base URL, or the broker's bootstrap address. */
  public String url(Component component) {
    return records.get(component).url();
  }

  public RunRecord record(Component component) {
    return records.get(component);
  }

  /** A component whose process has exited, if any. */
  public Optional<Component> exited() {
    return records.entrySet().stream()
        .filter(e -> e.getValue().process().isEmpty())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Stops services first, then the broker, waiting for each to exit. */
  public void stop(PrintStream out) {
    Suite.stopAll(dataDir, records, out);
  }
}
