package dev.eventsuite.launcher.suite;

import dev.eventsuite.launcher.kafka.BrokerTls;
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

  /** The broker's TLS address, which the services connect to. */
  public String brokerTlsAddress() {
    return "localhost:" + Suite.tlsPort(options);
  }

  /**
   * The Kafka client settings the services connect to {@link #brokerTlsAddress()} with: TLS,
   * trusting the certificate the broker made on first start.
   */
  public Map<String, String> brokerTlsSettings() {
    return new BrokerTls(dataDir().tls()).clientSettings();
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
   * Starts a component again after its process has exited (or was killed), on the same port and
   * data, and waits until it is ready.
   */
  public synchronized void restart(Component component) {
    RunRecord previous = records.get(component);
    if (previous.process().isPresent()) {
      throw new SuiteException(component.id() + " is still running");
    }
    RunRecord started =
        component.isService()
            ? Suite.startReadyService(options, component, apiKey)
            : Suite.startReadyKafka(options);
    RunRecord restarted = started.restarted(previous.restarts() + 1);
    restarted.write(dataDir());
    records.put(component, restarted);
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
