package dev.eventsuite.launcher.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.launcher.cli.SuiteCli;
import dev.eventsuite.launcher.kafka.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/suite oci check} against a deployment whose OCI APIs are a stub the real SDK signs its
 * requests to, whose Kafka endpoint is a real broker that requires a SASL/PLAIN login (as OCI
 * Streaming's does, over TLS there), and whose database is a real H2 engine.
 */
class OciCheckCommandTest {

  private static final String KAFKA_USER = "suite-client";
  private static final String KAFKA_TOKEN = "auth-token-1";
  private static final String DB_URL = "jdbc:h2:mem:oci-check;MODE=Oracle;DB_CLOSE_DELAY=-1";
  private static final String DB_PASSWORD = "db-password-1";

  private static EmbeddedKafka kafka;
  private static Connection database;

  private OciDeploymentStub oci;
  @TempDir Path folder;

  @BeforeAll
  static void startKafkaAndDatabase() throws Exception {
    kafka =
        EmbeddedKafka.builder()
            .partitions(1)
            .saslPlainUser(KAFKA_USER, KAFKA_TOKEN)
            .topics(OciDeploymentStub.PARTITIONS.keySet())
            .start();
    database = DriverManager.getConnection(DB_URL, "SUITE", DB_PASSWORD);
  }

  @AfterAll
  static void stopKafkaAndDatabase() throws Exception {
    database.close();
    kafka.close();
  }

  @BeforeEach
  void startOci() throws Exception {
    oci = new OciDeploymentStub();
  }

  @AfterEach
  void stopOci() throws Exception {
    oci.close();
  }

  @Test
  void shouldPassEveryCheckOfTheDeploymentTerraformCreated() throws Exception {
    Run run = check(KAFKA_TOKEN, DB_URL);

    assertThat(run.exitCode).isZero();
    assertThat(run.lines())
        .as(run.out)
        .hasSize(18)
        .allMatch(line -> line.startsWith("ok ") || line.equals("all 17 checks passed"));
    assertThat(run.out)
        .contains("stream pool                  event-suite-streams is ACTIVE, private")
        .contains("stream metric-events         ACTIVE, 3 partitions")
        .contains("stream anomalies-dlq         ACTIVE, 1 partition")
        .contains("kafka login                  logged in to")
        .contains("bucket events                acmens/event-suite-objects emits object events")
        .contains("events rule                  event-suite-object-events is enabled")
        .contains("database                     connected as SUITE to H2");
    assertThat(oci.api.requests())
        .as("every OCI call is signed with the config file's key")
        .allSatisfy(
            request ->
                assertThat(request.header("authorization"))
                    .contains("keyId=\"" + oci.api.keyId() + "\""));
  }

  @Test
  void shouldSayWhatToFixWhereTheDeploymentDrifted() throws Exception {
    oci.streams.remove("features-dlq");
    oci.streams.put("metric-events", 1);
    oci.bucketEmitsEvents = false;
    oci.ruleEnabled = false;
    oci.ruleTarget = OciDeploymentStub.streamId("documents");

    Run run = check("an-old-token", "jdbc:oracle:thin:@//127.0.0.1:1/SUITEDB_TP");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(
            run.lines().stream()
                .filter(line -> line.startsWith("FAIL") && !line.startsWith("FAIL database")))
        .as(run.out)
        .containsExactly(
            "FAIL stream metric-events         has 1 partition, expected 3: partitions are fixed"
                + " when a stream is created, so recreate it (terraform apply -replace) or change"
                + " stream_partitions back",
            "FAIL stream features-dlq          missing from the pool: terraform apply creates it",
            "FAIL kafka login                  the endpoint refused the login: the user name must be"
                + " tenancy/domain/user/streamPoolOCID (tenancy/user/streamPoolOCID without identity"
                + " domains) and the password a current auth token of that user",
            "FAIL bucket events                acmens/event-suite-objects does not emit object"
                + " events: oci os bucket update --bucket-name event-suite-objects"
                + " --object-events-enabled true (or terraform apply)",
            "FAIL events rule                  event-suite-object-events: it is disabled; no enabled"
                + " action delivers to the object-events stream (terraform apply restores it)");
    assertThat(run.out)
        .contains("FAIL database ")
        .contains("the user is created as docs/deploy-oci.md shows")
        .endsWith("6 of 17 checks failed\n");
  }

  @Test
  void shouldRefuseARuleThatNoLongerNamesTheBucketOrEveryObjectEvent() {
    assertThat(
            DeploymentCheck.conditionProblems(
                "{\"eventType\":[\"com.oraclecloud.objectstorage.createobject\"],"
                    + "\"data\":{\"additionalDetails\":{\"bucketName\":[\"other\"]}}}",
                java.util.Optional.of(OciDeploymentStub.BUCKET)))
        .containsExactly(
            "its condition does not match com.oraclecloud.objectstorage.deleteobject,"
                + " com.oraclecloud.objectstorage.updateobject",
            "its condition does not name the bucket event-suite-objects");
  }

  private Run check(String kafkaToken, String jdbcUrl) throws Exception {
    Path outputs = folder.resolve("outputs.json");
    Files.writeString(
        outputs,
        oci.terraformOutputs(kafka.saslBootstrapServers().orElseThrow(), KAFKA_USER, jdbcUrl));
    Path token = folder.resolve("token");
    Files.writeString(token, kafkaToken + "\n");
    Path password = folder.resolve("password");
    Files.writeString(password, DB_PASSWORD);
    return Run.of(
        "oci",
        "check",
        "--outputs",
        outputs.toString(),
        "--config-file",
        oci.api.configFile().toString(),
        "--oci-endpoint",
        oci.api.endpoint(),
        "--security-protocol",
        "SASL_PLAINTEXT",
        "--timeout",
        "PT10S",
        "--stream-auth-token-file",
        token.toString(),
        "--database-password-file",
        password.toString());
  }

  /** One run of {@code bin/suite} in this JVM: its exit code and what it printed. */
  record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = SuiteCli.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int exitCode = cli.execute(args);
      return new Run(exitCode, out.toString(), err.toString());
    }

    List<String> lines() {
      return new ArrayList<>(out.lines().toList());
    }
  }
}
