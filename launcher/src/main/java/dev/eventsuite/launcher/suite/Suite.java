package dev.eventsuite.launcher.suite;

import dev.eventsuite.events.Topics;
import dev.eventsuite.launcher.kafka.BrokerTls;
import dev.eventsuite.launcher.kafka.KafkaBrokerMain;
import dev.eventsuite.launcher.kafka.KafkaProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The local suite: the broker and the five services, each in its own process, on the embedded
 * defaults. {@code bin/suite} and the end-to-end tests both start it through this class.
 */
public final class Suite {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Suite() {}

  /**
   * How to start the suite.
   *
   * @param home the checkout whose built modules are run
   * @param dataDir where everything is kept
   * @param ports the port of each component; a missing one takes its default
   * @param partitions the partition count of the topics the broker creates
   * @param readyTimeout how long to wait for each component to become ready
   * @param out where progress is reported
   * @param services the services to start besides the broker; all five for the suite
   * @param settings configuration given to a service beyond the suite's own, by key
   */
  public record Options(
      Path home,
      DataDir dataDir,
      Map<Component, Integer> ports,
      int partitions,
      Duration readyTimeout,
      PrintStream out,
      List<Component> services,
      Map<Component, Map<String, String>> settings) {

    /** Options starting all five services. */
    public Options(
        Path home,
        DataDir dataDir,
        Map<Component, Integer> ports,
        int partitions,
        Duration readyTimeout,
        PrintStream out) {
      this(home, dataDir, ports, partitions, readyTimeout, out, Component.services(), Map.of());
    }

    int port(Component component) {
      return ports.getOrDefault(component, component.defaultPort());
    }
  }

  /** Starts every component and waits until each is ready; on failure, stops what it started. */
  public static RunningSuite up(Options options) {
    DataDir data = options.dataDir();
    List<Component> running = runningComponents(data);
    if (!running.isEmpty()) {
      throw new SuiteException(
          "the suite is already running from "
              + data.root()
              + " ("
              + ids(running)
              + "); run 'bin/suite down' first");
    }
    data.prepare();
    try {
      Files.deleteIfExists(data.stopRequested());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + data.stopRequested(), e);
    }
    checkPortsFree(options);
    String apiKey = data.apiKey();
    Map<Component, RunRecord> started = new EnumMap<>(Component.class);
    try {
      RunRecord kafka = startKafka(options);
      started.put(Component.KAFKA, kafka);
      awaitKafka(options, kafka);
      for (Component service : options.services()) {
        started.put(service, startService(options, service, apiKey));
      }
      awaitServices(options, started);
      return new RunningSuite(options, started, apiKey);
    } catch (RuntimeException e) {
      stopAll(data, started, options.out());
      throw e;
    }
  }

  /**
   * The suite running from the options' data folder, started earlier by another process: what a
   * supervisor of a detached suite looks after.
   *
   * @throws SuiteException when a component is not running
   */
  public static RunningSuite attach(Options options) {
    DataDir data = options.dataDir();
    Map<Component, RunRecord> records = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      RunRecord record =
          RunRecord.read(data, component)
              .filter(r -> r.process().isPresent())
              .orElseThrow(
                  () -> new SuiteException(component.id() + " is not running from " + data.root()));
      records.put(component, record);
    }
    return new RunningSuite(options, records, data.apiKey());
  }

  /**
   * Stops every running component of the data folder: services first, then the broker. A {@code
   * bin/suite up} supervising them is told first, so that it does not start them again.
   */
  public static List<Component> down(DataDir data, PrintStream out) {
    try {
      if (Files.isDirectory(data.run())) {
        Files.writeString(data.stopRequested(), Instant.now().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tell the supervisor to stop", e);
    }
    Map<Component, RunRecord> records = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      RunRecord.read(data, component).ifPresent(r -> records.put(component, r));
    }
    List<Component> stopped = new ArrayList<>();
    records.forEach(
        (component, record) -> {
          if (record.process().isPresent()) {
            stopped.add(component);
          }
        });
    stopAll(data, records, out);
    return stopped;
  }

  /** The live process of each component running from the data folder. */
  public static Map<Component, ProcessHandle> processes(DataDir data) {
    Map<Component, ProcessHandle> processes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      RunRecord.read(data, component)
          .flatMap(RunRecord::process)
          .ifPresent(process -> processes.put(component, process));
    }
    return processes;
  }

  /** What each component of the data folder is doing. */
  public static List<ComponentStatus> status(DataDir data) {
    List<ComponentStatus> statuses = new ArrayList<>();
    for (Component component : Component.values()) {
      Optional<RunRecord> record = RunRecord.read(data, component);
      if (record.isEmpty() || record.get().process().isEmpty()) {
        statuses.add(new ComponentStatus(component, ComponentStatus.State.STOPPED, null));
        continue;
      }
      boolean ready =
          component.isService()
              ? isReady(record.get().url())
              : KafkaProbe.hasTopics(record.get().url(), Topics.allNamesWithDeadLetters());
      statuses.add(
          new ComponentStatus(
              component,
              ready ? ComponentStatus.State.READY : ComponentStatus.State.NOT_READY,
              record.get()));
    }
    return statuses;
  }

  static void stopAll(DataDir data, Map<Component, RunRecord> records, PrintStream out) {
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (Component service : Component.services()) {
      RunRecord record = records.get(service);
      if (record != null) {
        stopping.add(CompletableFuture.runAsync(() -> stop(data, service, record, out)));
      }
    }
    stopping.forEach(CompletableFuture::join);
    RunRecord kafka = records.get(Component.KAFKA);
    if (kafka != null) {
      stop(data, Component.KAFKA, kafka, out);
    }
  }

  private static void stop(DataDir data, Component component, RunRecord record, PrintStream out) {
    record
        .process()
        .ifPresent(
            process -> {
              out.println("  stopping " + component.id() + " (pid " + record.pid() + ")");
              SuiteProcess.stop(process);
            });
    RunRecord.remove(data, component);
  }

  private static List<Component> runningComponents(DataDir data) {
    List<Component> running = new ArrayList<>();
    for (Component component : Component.values()) {
      Optional<RunRecord> record = RunRecord.read(data, component);
      if (record.isPresent()) {
        if (record.get().process().isPresent()) {
          running.add(component);
        } else {
          RunRecord.remove(data, component);
        }
      }
    }
    return running;
  }

  private static void checkPortsFree(Options options) {
    List<Integer> ports = new ArrayList<>();
    ports.add(options.port(Component.KAFKA));
    for (Component service : options.services()) {
      ports.add(options.port(service));
    }
    ports.add(controllerPort(options));
    ports.add(tlsPort(options));
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        throw new SuiteException(
            "port "
                + port
                + " is in use; stop what uses it or choose other ports with --port NAME=PORT");
      }
    }
  }

  private static RunRecord startKafka(Options options) {
    DataDir data = options.dataDir();
    int port = options.port(Component.KAFKA);
    options.out().println("  starting kafka on port " + port);
    Path launcher = options.home().resolve("launcher").resolve("target");
    String classpath =
        launcher.resolve("launcher.jar")
            + java.io.File.pathSeparator
            + launcher.resolve("lib").resolve("*");
    RunRecord record =
        SuiteProcess.startJvm(
            Component.KAFKA,
            List.of(
                "-cp",
                classpath,
                KafkaBrokerMain.class.getName(),
                "--data",
                data.kafka().toString(),
                "--port",
                String.valueOf(port),
                "--controller-port",
                String.valueOf(controllerPort(options)),
                "--tls-dir",
                data.tls().toString(),
                "--tls-port",
                String.valueOf(tlsPort(options)),
                "--partitions",
                String.valueOf(options.partitions())),
            Map.of(),
            data.log(Component.KAFKA),
            port,
            "localhost:" + port);
    record.write(data);
    return record;
  }

  private static void awaitKafka(Options options, RunRecord kafka) {
    await(
        options,
        Component.KAFKA,
        kafka,
        () -> KafkaProbe.hasTopics(kafka.url(), Topics.allNamesWithDeadLetters()));
  }

  /** The broker's KRaft controller port: the one after its client port. */
  private static int controllerPort(Options options) {
    return options.port(Component.KAFKA) + 1;
  }

  /** The broker's TLS port, which the services connect to: two after its client port. */
  public static int tlsPort(Options options) {
    return options.port(Component.KAFKA) + 2;
  }

  private static RunRecord startService(Options options, Component service, String apiKey) {
    Path jar = options.home().resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new SuiteException(
          jar + " does not exist; build the suite first: ./mvnw -q package -DskipTests");
    }
    int port = options.port(service);
    DataDir data = options.dataDir();
    options.out().println("  starting " + service.id() + " on port " + port);
    List<String> arguments = new ArrayList<>();
    arguments.add("-Dquarkus.http.port=" + port);
    arguments.add("-Dquarkus.http.host=127.0.0.1");
    arguments.add("-Dkafka.bootstrap.servers=localhost:" + tlsPort(options));
    new BrokerTls(data.tls())
        .clientSettings()
        .forEach((key, value) -> arguments.add("-Dkafka." + key + "=" + value));
    arguments.add("-Dsuite.data-dir=" + data.root());
    arguments.addAll(neighbours(options, service));
    options
        .settings()
        .getOrDefault(service, Map.of())
        .forEach((key, value) -> arguments.add("-D" + key + "=" + value));
    arguments.add("-jar");
    arguments.add(jar.toString());
    RunRecord record =
        SuiteProcess.startJvm(
            service,
            arguments,
            Map.of("SUITE_API_KEY", apiKey),
            data.log(service),
            port,
            "http://localhost:" + port);
    record.write(data);
    return record;
  }

  /**
   * Where a service finds the others it links to: the search page's upload form posts to
   * ingest-service, which must accept the page's origin.
   */
  private static List<String> neighbours(Options options, Component service) {
    return switch (service) {
      case SEARCH ->
          List.of("-Dsuite.search.ingest-url=http://localhost:" + options.port(Component.INGEST));
      case INGEST -> {
        int search = options.port(Component.SEARCH);
        yield List.of(
            "-Dquarkus.http.cors.origins=http://localhost:"
                + search
                + ",http://127.0.0.1:"
                + search);
      }
      default -> List.of();
    };
  }

  /** Starts the broker and waits until it serves the suite's topics. */
  static RunRecord startReadyKafka(Options options) {
    RunRecord record = startKafka(options);
    awaitKafka(options, record);
    return record;
  }

  /** Starts one service and waits until it is ready. */
  static RunRecord startReadyService(Options options, Component service, String apiKey) {
    RunRecord record = startService(options, service, apiKey);
    await(options, service, record, () -> isReady(record.url()));
    return record;
  }

  private static void awaitServices(Options options, Map<Component, RunRecord> started) {
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (Component service : options.services()) {
      RunRecord record = started.get(service);
      waits.add(
          CompletableFuture.runAsync(
              () -> await(options, service, record, () -> isReady(record.url()))));
    }
    try {
      waits.forEach(CompletableFuture::join);
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof SuiteException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private static void await(
      Options options,
      Component component,
      RunRecord record,
      java.util.function.BooleanSupplier ready) {
    long deadline = System.nanoTime() + options.readyTimeout().toNanos();
    Path log = options.dataDir().log(component);
    while (!ready.getAsBoolean()) {
      if (record.process().isEmpty()) {
        throw new SuiteException(
            component.id()
                + " exited during start-up; the end of "
                + log
                + ":\n"
                + SuiteProcess.tail(log, 30));
      }
      if (System.nanoTime() > deadline) {
        throw new SuiteException(
            component.id()
                + " was not ready within "
                + options.readyTimeout().toSeconds()
                + " s; the end of "
                + log
                + ":\n"
                + SuiteProcess.tail(log, 30));
      }
      pause(Duration.ofMillis(250));
    }
    options.out().println("  " + component.id() + " is ready");
  }

  /** Whether a service answers its readiness check. */
  public static boolean isReady(String baseUrl) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String ids(List<Component> components) {
    return String.join(", ", components.stream().map(Component::id).toList());
  }

  /** Waits, turning an interrupt into a stop. */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SuiteException("interrupted");
    }
  }
}
