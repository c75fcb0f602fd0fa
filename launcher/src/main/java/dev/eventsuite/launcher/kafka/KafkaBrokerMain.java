package dev.eventsuite.launcher.kafka;

import dev.eventsuite.events.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs an {@link EmbeddedKafka} broker as its own process until it receives SIGTERM or SIGINT: the
 * broker of the local suite and of its container image. Settings from the environment, named as the
 * {@code apache/kafka} image names them ({@link BrokerEnvironment}), replace those the options
 * choose.
 */
@Command(
    name = "kafka-broker",
    mixinStandardHelpOptions = true,
    description = "Runs a single-node Apache Kafka (KRaft) broker with the suite's topics.")
public final class KafkaBrokerMain implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "Folder of the broker's logs.")
  Path dataDir;

  @Option(
      names = "--port",
      defaultValue = "9092",
      description = "Client port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      description = "KRaft controller port (default ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--bind",
      defaultValue = "localhost",
      description =
          "Address the client port listens on (default ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
  String bindHost;

  @Option(
      names = "--advertised-host",
      defaultValue = "localhost",
      description = "Host name clients are told to connect to (default ${DEFAULT-VALUE}).")
  String advertisedHost;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of each topic created (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--tls-dir",
      description =
          "Folder of the broker's TLS certificate, made there on first start; with it, the broker"
              + " also serves TLS on --tls-port.")
  Path tlsDir;

  @Option(
      names = "--tls-port",
      defaultValue = "9094",
      description = "TLS client port, with --tls-dir (default ${DEFAULT-VALUE}).")
  int tlsPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new KafkaBrokerMain()).execute(args));
  }

  @Override
  public Integer call() {
    Map<String, String> environment = System.getenv();
    EmbeddedKafka.Builder broker = EmbeddedKafka.builder();
    if (tlsDir != null) {
      broker.tls(BrokerTls.createIfMissing(tlsDir, Set.of(advertisedHost)), tlsPort);
    }
    EmbeddedKafka kafka =
        broker
            .dataDir(dataDir)
            .port(port)
            .controllerPort(controllerPort)
            .bindHost(bindHost)
            .advertisedHost(advertisedHost)
            .partitions(partitions)
            .settings(BrokerEnvironment.settings(environment))
            .clusterId(environment.get(BrokerEnvironment.CLUSTER_ID))
            .topics(Topics.allNamesWithDeadLetters())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
    System.out.println(
        "Kafka broker ready on "
            + kafka.bootstrapServers()
            + kafka.tlsBootstrapServers().map(address -> " and, over TLS, " + address).orElse("")
            + ", data in "
            + dataDir);
    kafka.awaitShutdown();
    return 0;
  }
}
