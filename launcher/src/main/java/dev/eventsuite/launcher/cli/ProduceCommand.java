package dev.eventsuite.launcher.cli;

import com.oracle.bmc.streaming.model.Stream;
import com.oracle.bmc.streaming.requests.GetStreamRequest;
import dev.eventsuite.events.Topics;
import dev.eventsuite.launcher.oci.EventSender;
import dev.eventsuite.launcher.oci.KafkaEventSender;
import dev.eventsuite.launcher.oci.MetricEventLines;
import dev.eventsuite.launcher.oci.OciApis;
import dev.eventsuite.launcher.oci.OciStreamSender;
import dev.eventsuite.launcher.oci.SaslPlainLogin;
import dev.eventsuite.launcher.suite.SuiteException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Sends metric events, one JSON object a line, to metric-events: over Kafka (the local"
          + " suite's broker by default, or OCI Streaming's Kafka endpoint with --sasl-username), or"
          + " with --oci-stream through OCI Streaming's PutMessages API. Each event's entity id is"
          + " its key; a line that is not an event is reported with its number and not sent.",
      "Exits 0 when every line was sent, 1 when any was not."
    })
final class ProduceCommand implements Callable<Integer> {

  /** Events read before they are sent together. */
  private static final int BATCH = 1000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin OciOptions oci;

  @Parameters(paramLabel = "FILE", description = "A JSON Lines file; - reads standard input.")
  String file;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "localhost:9092",
      description = "The Kafka endpoint (default ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--topic",
      paramLabel = "NAME",
      defaultValue = Topics.METRIC_EVENTS_NAME,
      description = "The topic or stream name (default ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--sasl-username",
      paramLabel = "NAME",
      description =
          "Log in to OCI Streaming's Kafka endpoint as tenancy/domain/user/streamPoolOCID, with the"
              + " auth token from $OCI_STREAM_AUTH_TOKEN or --stream-auth-token-file.")
  String saslUsername;

  @Option(
      names = "--security-protocol",
      paramLabel = "PROTOCOL",
      defaultValue = "SASL_SSL",
      description = "The protocol with --sasl-username (default ${DEFAULT-VALUE}).")
  String securityProtocol;

  @Option(
      names = "--stream-auth-token-file",
      paramLabel = "FILE",
      description = "A file holding the auth token (default: $OCI_STREAM_AUTH_TOKEN).")
  Path streamAuthTokenFile;

  @Option(
      names = "--oci-stream",
      paramLabel = "OCID",
      description = "Send through OCI Streaming's PutMessages API to this stream instead of Kafka.")
  String ociStream;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Tries of a throttled message before it counts as failed (default ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Tally tally = new Tally(err);
    try (BufferedReader reader = open();
        Destination destination = destination()) {
      MetricEventLines lines = new MetricEventLines(reader);
      List<MetricEventLines.Event> batch = new ArrayList<>(BATCH);
      for (MetricEventLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (line instanceof MetricEventLines.Invalid invalid) {
          tally.notSent(invalid.line(), invalid.reason());
        } else if (line instanceof MetricEventLines.Valid valid) {
          batch.add(valid.event());
          if (batch.size() == BATCH) {
            tally.send(destination.sender(), batch);
          }
        }
      }
      tally.send(destination.sender(), batch);
      out.println(
          "sent "
              + tally.sent
              + " events to "
              + destination.name()
              + (tally.notSent == 0 ? "" : ", " + tally.notSent + " not sent"));
    }
    out.flush();
    err.flush();
    return tally.notSent == 0 ? 0 : 1;
  }

  /** The events sent and the lines not sent, each reported with its reason as it happens. */
  private static final class Tally {

    private final PrintWriter err;
    private long sent;
    private long notSent;

    Tally(PrintWriter err) {
      this.err = err;
    }

    /** Sends the batch, if any, and empties it. */
    void send(EventSender sender, List<MetricEventLines.Event> batch) throws InterruptedException {
      if (batch.isEmpty()) {
        return;
      }
      EventSender.Sent result = sender.send(batch);
      sent += result.accepted();
      for (EventSender.Failure failure : result.failures()) {
        notSent(failure.line(), "not accepted: " + failure.reason());
      }
      batch.clear();
    }

    void notSent(long line, String reason) {
      err.println("line " + line + ": " + reason);
      notSent++;
    }
  }

  private BufferedReader open() throws IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new SuiteException("cannot read " + file);
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }

  /** Where the events go, and what must be closed after. */
  private record Destination(String name, EventSender sender, Optional<OciApis> apis)
      implements AutoCloseable {

    @Override
    public void close() {
      sender.close();
      if (apis.isPresent()) {
        apis.get().close();
      }
    }
  }

  private Destination destination() {
    if (ociStream != null) {
      OciApis apis = oci.apis(Optional.empty());
      Stream stream =
          apis.streamAdmin()
              .getStream(GetStreamRequest.builder().streamId(ociStream).build())
              .getStream();
      OciStreamSender sender =
          new OciStreamSender(
              apis.streams(stream.getMessagesEndpoint()),
              ociStream,
              maxAttempts,
              Duration.ofMillis(250),
              Duration.ofSeconds(8));
      return new Destination(
          "stream " + stream.getName() + " (PutMessages)", sender, Optional.of(apis));
    }
    Properties settings = new Properties();
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (saslUsername != null) {
      String token =
          Secrets.read(streamAuthTokenFile, "OCI_STREAM_AUTH_TOKEN")
              .orElseThrow(
                  () ->
                      new SuiteException(
                          "--sasl-username needs the auth token: set OCI_STREAM_AUTH_TOKEN or give"
                              + " --stream-auth-token-file"));
      new SaslPlainLogin(securityProtocol, saslUsername, token).applyTo(settings);
      // OCI Streaming has no idempotent producers.
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    }
    return new Destination(
        topic + " at " + bootstrapServers, new KafkaEventSender(settings, topic), Optional.empty());
  }
}
