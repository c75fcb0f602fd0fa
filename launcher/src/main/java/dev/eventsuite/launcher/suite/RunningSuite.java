package dev.eventsuite.launcher.suite;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A started suite: where each component answers, and how to stop it. */
public final class RunningSuite {

  private final Suite.Options options;
  private final Map<Component, RunRecord> records;
  private final String apiKey;

  RunningSuite(Suite.Options options, Map<Component, RunRecord> records, String apiKey) {
    this.options = options;
    this.records = new EnumMap<>(records);
    this.apiKey = apiKey;
  }

  public DataDir dataDir() {
    return options.dataDir();
  }

  public String apiKey() {
    return apiKey;
  }

  /** A service's base URL, or the broker's bootstrap address. */
  public synchronized String url(Component component) {
    return records.get(component).url();
  }

  public synchronized RunRecord record(Component component) {
    return records.get(component);
  }

  /** A component whose process has exited, if any. */
  public synchronized Optional<Component> exited() {
    return records.entrySet().stream()
        .filter(e -> e.getValue().process().isEmpty())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * Starts a service again after its process has exited (or was killed), on the same port and data,
   * and waits until it is ready.
   */
  public synchronized void restart(Component service) {
    if (!service.isService()) {
      throw new IllegalArgumentException("only services restart on their own, not " + service.id());
    }
    if (records.get(service).process().isPresent()) {
      throw new SuiteException(service.id() + " is still running");
    }
    records.put(service, Suite.startReadyService(options, service, url(Component.KAFKA), apiKey));
  }

  /** Stops one service cleanly (SIGTERM, as Kubernetes does), waiting for it to exit. */
  public synchronized void stopService(Component service) {
    records.get(service).process().ifPresent(SuiteProcess::stop);
  }

  /** Stops services first, then the broker, waiting for each to exit. */
  public synchronized void stop(PrintStream out) {
    Suite.stopAll(dataDir(), records, out);
  }
}
