package dev.eventsuite.launcher.kafka;

import dev.eventsuite.launcher.Folders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own KRaft server, one node acting as broker and controller, running in this JVM.
 *
 * <p>It serves the tests (one broker per test JVM) and the local suite ({@link KafkaBrokerMain}
 * runs it as a child process). Storage is either a folder that survives restarts or a temporary
 * folder removed on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final String saslBootstrapServers;
  private final String tlsBootstrapServers;
  private final Path logDir;
  private final boolean ephemeral;
  private final int defaultPartitions;

  private EmbeddedKafka(
      KafkaRaftServer server,
      String bootstrapServers,
      String saslBootstrapServers,
      String tlsBootstrapServers,
      Path logDir,
      boolean ephemeral,
      int defaultPartitions) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.saslBootstrapServers = saslBootstrapServers;
    this.tlsBootstrapServers = tlsBootstrapServers;
    this.logDir = logDir;
    this.ephemeral = ephemeral;
    this.defaultPartitions = defaultPartitions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The address clients on this host connect to, e.g. {@code localhost:9092}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * The address of the listener that requires a SASL/PLAIN login (without TLS), as OCI Streaming
   * does over TLS; only with {@link Builder#saslPlainUser}.
   */
  public Optional<String> saslBootstrapServers() {
    return Optional.ofNullable(saslBootstrapServers);
  }

  /** The address of the TLS listener; only with {@link Builder#tls}. */
  public Optional<String> tlsBootstrapServers() {
    return Optional.ofNullable(tlsBootstrapServers);
  }

  /** The folder holding the broker's logs and metadata. */
  public Path logDir() {
    return logDir;
  }

  /** Creates the topics that do not exist yet, with the broker's default partition count. */
  public void createTopics(Collection<String> names) {
    createTopics(names, defaultPartitions);
  }

  /** Creates the topics that do not exist yet. */
  public void createTopics(Collection<String> names, int partitions) {
    createTopics(bootstrapServers, names, partitions);
  }

  /** Creates the topics that do not exist yet on the broker at the given address. */
  public static void createTopics(
      String bootstrapServers, Collection<String> names, int partitions) {
    try (Admin admin = admin(bootstrapServers)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, partitions, (short) 1));
      }
      admin
          .createTopics(topics)
          .values()
          .forEach(
              (name, result) -> {
                try {
                  result.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                  if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e.getCause());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted creating topic " + name, e);
                } catch (TimeoutException e) {
                  throw new IllegalStateException("timed out creating topic " + name, e);
                }
              });
    }
  }

  /** Stops the broker, waiting for it to shut down, and removes its storage when ephemeral. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (ephemeral) {
      Folders.deleteRecursively(logDir);
    }
  }

  /** Blocks until the broker has stopped. */
  public void awaitShutdown() {
    server.awaitShutdown();
  }

  static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  /** Configures and starts an {@link EmbeddedKafka}. */
  public static final class Builder {

    private int port;
    private int controllerPort;
    private Path dataDir;
    private int partitions = 3;
    private final List<String> topics = new ArrayList<>();
    private String saslUser;
    private String saslPassword;
    private BrokerTls tls;
    private int tlsPort;
    private String bindHost = "localhost";
    private String advertisedHost = "localhost";
    private String clusterId;
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder() {}

    /** The client port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The KRaft controller port; 0 (the default) picks a free one. */
    public Builder controllerPort(int controllerPort) {
      this.controllerPort = controllerPort;
      return this;
    }

    /**
     * A folder that keeps the broker's data across restarts; without one, the data lives in a
     * temporary folder removed on close.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** The partition count of topics created by this broker (default 3). */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /**
     * Also opens a listener on a free port that admits only this user, logging in with SASL/PLAIN
     * (the mechanism OCI Streaming's Kafka endpoint uses).
     */
    public Builder saslPlainUser(String user, String password) {
      this.saslUser = user;
      this.saslPassword = password;
      return this;
    }

    /**
     * Also opens a listener that serves the given TLS identity, on the given port (0 picks a free
     * one); clients trust {@link BrokerTls#trustStore()}.
     */
    public Builder tls(BrokerTls tls, int port) {
      this.tls = tls;
      this.tlsPort = port;
      return this;
    }

    /**
     * The address the client listeners bind to (default {@code localhost}); {@code 0.0.0.0} takes
     * connections from other hosts, as in a container.
     */
    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    /**
     * The host name clients are told to connect to (default {@code localhost}), e.g. the name of a
     * Kubernetes Service or Compose service.
     */
    public Builder advertisedHost(String advertisedHost) {
      this.advertisedHost = advertisedHost;
      return this;
    }

    /**
     * Broker settings, as {@code server.properties} names them, that replace what this builder
     * would choose, e.g. {@code listeners} and {@code advertised.listeners} given by a container
     * platform. Storage stays the {@link #dataDir}: {@code log.dirs} is refused.
     */
    public Builder settings(Map<String, String> settings) {
      if (settings.containsKey("log.dirs") || settings.containsKey("log.dir")) {
        throw new IllegalArgumentException(
            "the broker's storage is its data folder; log.dirs cannot be set");
      }
      this.settings.putAll(settings);
      return this;
    }

    /** The cluster id a new storage is formatted with (default: a random one). */
    public Builder clusterId(String clusterId) {
      this.clusterId = clusterId;
      return this;
    }

    /** Topics to create once the broker is up. */
    public Builder topics(Collection<String> names) {
      topics.addAll(names);
      return this;
    }

    /**
     * Formats the storage if it is new, starts the broker and waits until it answers and the topics
     * exist.
     */
    public EmbeddedKafka start() {
      try {
        boolean ephemeral = dataDir == null;
        Path logDir = ephemeral ? Files.createTempDirectory("embedded-kafka-") : dataDir;
        Files.createDirectories(logDir);
        int clientPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        int saslPort = saslUser == null ? 0 : freePort();
        int sslPort = tls == null ? 0 : tlsPort == 0 ? freePort() : tlsPort;
        Properties config = serverConfig(logDir, clientPort, quorumPort, saslPort, sslPort);
        config.putAll(settings);
        formatIfNew(logDir, config, clusterId == null ? Uuid.randomUuid().toString() : clusterId);
        KafkaRaftServer server =
            new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka =
            new EmbeddedKafka(
                server,
                ownAddress(config),
                saslUser == null ? null : "localhost:" + saslPort,
                tls == null ? null : "localhost:" + sslPort,
                logDir,
                ephemeral,
                partitions);
        awaitReady(kafka.bootstrapServers());
        kafka.createTopics(topics);
        return kafka;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the broker's storage", e);
      }
    }

    private Properties serverConfig(
        Path logDir, int clientPort, int quorumPort, int saslPort, int sslPort) {
      Properties config = new Properties();
      config.put("process.roles", "broker,controller");
      config.put("node.id", "1");
      config.put("controller.quorum.voters", "1@localhost:" + quorumPort);
      String listeners = "PLAINTEXT://" + bindHost + ":" + clientPort;
      String advertised = "PLAINTEXT://" + advertisedHost + ":" + clientPort;
      String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
      if (saslUser != null) {
        listeners += ",SASL_PLAINTEXT://" + bindHost + ":" + saslPort;
        advertised += ",SASL_PLAINTEXT://" + advertisedHost + ":" + saslPort;
        protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT";
        config.put("sasl.enabled.mechanisms", "PLAIN");
        config.put(
            "listener.name.sasl_plaintext.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                + saslUser
                + "=\""
                + saslPassword
                + "\";");
      }
      if (tls != null) {
        listeners += ",SSL://" + bindHost + ":" + sslPort;
        advertised += ",SSL://" + advertisedHost + ":" + sslPort;
        protocols += ",SSL:SSL";
        config.putAll(tls.listenerSettings("SSL"));
      }
      config.put("listeners", listeners + ",CONTROLLER://localhost:" + quorumPort);
      config.put("advertised.listeners", advertised);
      config.put("listener.security.protocol.map", protocols);
      config.put("controller.listener.names", "CONTROLLER");
      config.put("inter.broker.listener.name", "PLAINTEXT");
      config.put("log.dirs", logDir.toAbsolutePath().toString());
      config.put("num.partitions", String.valueOf(partitions));
      // Topics are created explicitly, as on OCI Streaming: a mistyped name fails instead of
      // silently creating a topic nobody reads.
      config.put("auto.create.topics.enable", "false");
      config.put("offsets.topic.replication.factor", "1");
      config.put("offsets.topic.num.partitions", "5");
      config.put("transaction.state.log.replication.factor", "1");
      config.put("transaction.state.log.min.isr", "1");
      config.put("share.coordinator.state.topic.replication.factor", "1");
      config.put("share.coordinator.state.topic.min.isr", "1");
      config.put("group.initial.rebalance.delay.ms", "0");
      // A restarted node re-registers only once its previous session has expired (9 s by
      // default); controller and broker share this process, so a short session is safe.
      config.put("broker.heartbeat.interval.ms", "500");
      config.put("broker.session.timeout.ms", "2000");
      return config;
    }

    /**
     * Where this process's own clients reach the broker: the inter-broker listener, on this host.
     * Advertised addresses may only work from elsewhere (a port mapped on a container's host).
     */
    private static String ownAddress(Properties config) {
      String name = config.getProperty("inter.broker.listener.name");
      for (String listener : config.getProperty("listeners").split(",")) {
        String[] nameAndAddress = listener.trim().split("://", 2);
        if (nameAndAddress[0].equals(name)) {
          String address = nameAndAddress[1];
          int colon = address.lastIndexOf(':');
          String host = address.substring(0, colon);
          boolean anyHost = host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]");
          return (anyHost ? "localhost" : host) + address.substring(colon);
        }
      }
      throw new IllegalArgumentException(
          "inter.broker.listener.name " + name + " is not one of the listeners");
    }

    /** Formats the storage once; a folder that already holds a formatted log is reused. */
    private static void formatIfNew(Path logDir, Properties config, String clusterId)
        throws IOException {
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      Path configFile = Files.createTempFile("kafka-server-", ".properties");
      try {
        try (var out = Files.newBufferedWriter(configFile)) {
          config.store(out, "embedded KRaft broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
          exitCode =
              StorageTool.execute(
                  new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, print);
        }
        if (exitCode != 0) {
          throw new IllegalStateException(
              "formatting the broker's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
      } finally {
        Files.deleteIfExists(configFile);
      }
    }

    private static void awaitReady(String bootstrapServers) {
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      try (Admin admin = admin(bootstrapServers)) {
        while (true) {
          try {
            admin.listTopics().names().get(5, TimeUnit.SECONDS);
            return;
          } catch (ExecutionException | TimeoutException e) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException(
                  "the broker did not answer within " + READY_TIMEOUT.toSeconds() + " s", e);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the broker", e);
          }
        }
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      }
    }
  }
}
