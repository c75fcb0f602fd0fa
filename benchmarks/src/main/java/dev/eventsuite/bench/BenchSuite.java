package dev.eventsuite.bench;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.FreePorts;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The broker and the services a benchmark measures, started as the suite starts them, on a fresh
 * data folder.
 */
public final class BenchSuite implements AutoCloseable {

  private final RunningSuite suite;
  private final Path data;
  private final PrintStream out;
  private final Thread stopOnExit;

  public BenchSuite(Path home, List<Component> services, int partitions, PrintStream out) {
    this(home, services, partitions, Map.of(), out);
  }

  /**
   * @param settings configuration given to a service beyond its defaults, by key
   */
  public BenchSuite(
      Path home,
      List<Component> services,
      int partitions,
      Map<Component, Map<String, String>> settings,
      PrintStream out) {
    this.out = out;
    try {
      this.data = Files.createTempDirectory("bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.suite =
        Suite.up(
            new Suite.Options(
                home,
                new DataDir(data),
                FreePorts.forAllComponents(),
                partitions,
                Duration.ofSeconds(120),
                out,
                services,
                settings));
    // Ctrl-C ends the benchmark without closing it: stop what it started anyway.
    stopOnExit = new Thread(() -> suite.stop(out), "bench-suite-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  public RunningSuite suite() {
    return suite;
  }

  /** The broker as the services reach it: over TLS. */
  public BrokerAddress broker() {
    return new BrokerAddress(suite.brokerTlsAddress(), suite.brokerTlsSettings());
  }

  @Override
  public void close() {
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
    suite.stop(out);
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
