package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.oci.DeploymentCheck;
import dev.eventsuite.launcher.oci.OciApis;
import dev.eventsuite.launcher.oci.TerraformOutputs;
import dev.eventsuite.launcher.suite.SuiteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a deployment on OCI against terraform/'s outputs: the stream pool and every stream"
          + " ACTIVE with their partitions, the Kafka endpoint accepting the login, the bucket"
          + " emitting object events, the Events rule enabled and delivering to object-events, the"
          + " database answering. Prints each check with ok or what to fix.",
      "The auth token and the database password come from $OCI_STREAM_AUTH_TOKEN and"
          + " $ORACLE_PASSWORD, or from files, never from the command line.",
      "Exits 0 when every check passed, 1 when any failed."
    })
final class OciCheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin OciOptions oci;

  @Option(
      names = "--outputs",
      paramLabel = "FILE",
      description = "terraform output -json, saved to a file; - reads it from standard input.")
  String outputs;

  @Option(names = "--stream-pool-id", paramLabel = "OCID", description = "The stream pool.")
  String streamPoolId;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "The Kafka endpoint.")
  String bootstrapServers;

  @Option(
      names = "--sasl-username",
      paramLabel = "NAME",
      description = "The Kafka login, tenancy/domain/user/streamPoolOCID.")
  String saslUsername;

  @Option(
      names = "--security-protocol",
      paramLabel = "PROTOCOL",
      defaultValue = "SASL_SSL",
      description = "The Kafka security protocol (default ${DEFAULT-VALUE}).")
  String securityProtocol;

  @Option(names = "--namespace", paramLabel = "NAME", description = "The Object Storage namespace.")
  String namespace;

  @Option(names = "--bucket", paramLabel = "NAME", description = "The bucket uploads go to.")
  String bucket;

  @Option(names = "--events-rule-id", paramLabel = "OCID", description = "The Events rule.")
  String eventsRuleId;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "The database's JDBC URL.")
  String jdbcUrl;

  @Option(
      names = "--database-user",
      paramLabel = "NAME",
      defaultValue = "SUITE",
      description = "The user the services connect as (default ${DEFAULT-VALUE}).")
  String databaseUser;

  @Option(
      names = "--stream-auth-token-file",
      paramLabel = "FILE",
      description = "A file holding the Kafka auth token (default: $OCI_STREAM_AUTH_TOKEN).")
  Path streamAuthTokenFile;

  @Option(
      names = "--database-password-file",
      paramLabel = "FILE",
      description = "A file holding the database password (default: $ORACLE_PASSWORD).")
  Path databasePasswordFile;

  @Override
  public Integer call() throws Exception {
    TerraformOutputs terraform = readOutputs();
    DeploymentCheck.Expected expected = expected(terraform);
    PrintWriter out = spec.commandLine().getOut();
    List<DeploymentCheck.Outcome> outcomes;
    try (OciApis apis = oci.apis(terraform.text("region"))) {
      outcomes =
          new DeploymentCheck(apis, oci.timeout)
              .run(
                  expected,
                  outcome -> {
                    out.printf(
                        "%-4s %-28s %s%n",
                        outcome.ok() ? "ok" : "FAIL", outcome.check(), outcome.detail());
                    out.flush();
                  });
    }
    long failed = outcomes.stream().filter(o -> !o.ok()).count();
    out.println(
        failed == 0
            ? "all " + outcomes.size() + " checks passed"
            : failed + " of " + outcomes.size() + " checks failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private TerraformOutputs readOutputs() throws IOException {
    if (outputs == null) {
      return TerraformOutputs.none();
    }
    try (InputStream in =
        outputs.equals("-") ? System.in : Files.newInputStream(Path.of(outputs))) {
      return TerraformOutputs.read(in);
    } catch (IOException e) {
      throw new SuiteException(
          "cannot read the Terraform outputs " + outputs + ": " + e.getMessage());
    }
  }

  private DeploymentCheck.Expected expected(TerraformOutputs terraform) {
    Optional<String> bootstrap =
        Optional.ofNullable(bootstrapServers).or(() -> terraform.text("kafka_bootstrap_servers"));
    Optional<String> username =
        Optional.ofNullable(saslUsername).or(() -> terraform.text("kafka_sasl_username"));
    Optional<String> jdbc =
        Optional.ofNullable(jdbcUrl).or(() -> terraform.text("database_jdbc_url"));
    return new DeploymentCheck.Expected(
        Optional.ofNullable(streamPoolId).or(() -> terraform.text("stream_pool_id")),
        terraform.numberMap("stream_partitions"),
        Optional.ofNullable(namespace).or(() -> terraform.text("object_storage_namespace")),
        Optional.ofNullable(bucket).or(() -> terraform.text("bucket_name")),
        Optional.ofNullable(eventsRuleId).or(() -> terraform.text("events_rule_id")),
        bootstrap.flatMap(
            servers ->
                username.map(
                    user ->
                        new DeploymentCheck.KafkaLogin(
                            servers,
                            securityProtocol,
                            user,
                            Secrets.read(streamAuthTokenFile, "OCI_STREAM_AUTH_TOKEN")))),
        jdbc.map(
            url ->
                new DeploymentCheck.DatabaseLogin(
                    url, databaseUser, Secrets.read(databasePasswordFile, "ORACLE_PASSWORD"))));
  }
}
