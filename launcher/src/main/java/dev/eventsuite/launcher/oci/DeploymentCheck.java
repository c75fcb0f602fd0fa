package dev.eventsuite.launcher.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.streaming.StreamAdminClient;
import com.oracle.bmc.streaming.model.StreamPool;
import com.oracle.bmc.streaming.model.StreamSummary;
import com.oracle.bmc.streaming.requests.GetStreamPoolRequest;
import com.oracle.bmc.streaming.requests.ListStreamsRequest;
import com.oracle.bmc.streaming.responses.ListStreamsResponse;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Checks a deployment of the suite on OCI against what {@code terraform/} created: the stream pool
 * and every stream active with their partitions, the Kafka endpoint accepting the suite's login,
 * the bucket emitting object events, the Events rule enabled and delivering to {@code
 * object-events}, and the database answering. Each check says ok, or what is wrong and what to do.
 */
public final class DeploymentCheck {

  /** The object events the rule must match. */
  static final Set<String> OBJECT_EVENT_TYPES =
      Set.of(
          "com.oraclecloud.objectstorage.createobject",
          "com.oraclecloud.objectstorage.updateobject",
          "com.oraclecloud.objectstorage.deleteobject");

  private static final String OBJECT_EVENTS = Topics.OBJECT_EVENTS_NAME;

  /** What the deployment should be; absent parts are reported as not checked. */
  public record Expected(
      Optional<String> streamPoolId,
      Map<String, Integer> streamPartitions,
      Optional<String> namespace,
      Optional<String> bucket,
      Optional<String> eventsRuleId,
      Optional<KafkaLogin> kafka,
      Optional<DatabaseLogin> database) {}

  /** How the services log in to the stream pool's Kafka endpoint. */
  public record KafkaLogin(
      String bootstrapServers,
      String securityProtocol,
      String username,
      Optional<String> password) {}

  /** How the services connect to the database. */
  public record DatabaseLogin(String jdbcUrl, String user, Optional<String> password) {}

  /** One check's verdict: ok with what was found, or failed with what to fix. */
  public record Outcome(String check, boolean ok, String detail) {}

  private final OciApis apis;
  private final Duration timeout;

  public DeploymentCheck(OciApis apis, Duration timeout) {
    this.apis = apis;
    this.timeout = timeout;
  }

  /** Runs every check, handing each outcome over as soon as it is known. */
  public List<Outcome> run(Expected expected, Consumer<Outcome> report) {
    List<Outcome> outcomes = new ArrayList<>();
    Consumer<Outcome> record =
        outcome -> {
          outcomes.add(outcome);
          report.accept(outcome);
        };
    Map<String, StreamSummary> streams = checkStreams(expected, record);
    record.accept(checkKafka(expected));
    record.accept(checkBucket(expected));
    record.accept(checkEventsRule(expected, streams));
    record.accept(checkDatabase(expected));
    return outcomes;
  }

  private Map<String, StreamSummary> checkStreams(Expected expected, Consumer<Outcome> record) {
    if (expected.streamPoolId().isEmpty()) {
      record.accept(fail("stream pool", "no stream pool OCID: give --outputs or --stream-pool-id"));
      return Map.of();
    }
    String poolId = expected.streamPoolId().get();
    StreamAdminClient admin = apis.streamAdmin();
    try {
      StreamPool pool =
          admin
              .getStreamPool(
                  GetStreamPoolRequest.builder()
                      .streamPoolId(poolId)
                      .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                      .build())
              .getStreamPool();
      if (pool.getLifecycleState() == StreamPool.LifecycleState.Active) {
        record.accept(
            ok(
                "stream pool",
                pool.getName()
                    + " is ACTIVE"
                    + (Boolean.TRUE.equals(pool.getIsPrivate()) ? ", private" : ", public")
                    + (pool.getEndpointFqdn() == null ? "" : ", at " + pool.getEndpointFqdn())));
      } else {
        record.accept(
            fail(
                "stream pool",
                pool.getName()
                    + " is "
                    + pool.getLifecycleState().getValue()
                    + ": wait for ACTIVE, or see its lifecycle details in the console"));
      }
      Map<String, StreamSummary> streams = listStreams(admin, poolId);
      for (Map.Entry<String, Integer> stream : expectedStreams(expected).entrySet()) {
        record.accept(checkStream(stream.getKey(), stream.getValue(), streams));
      }
      return streams;
    } catch (BmcException e) {
      record.accept(fail("stream pool", describe(e, "stream pool " + poolId)));
      return Map.of();
    }
  }

  private Map<String, StreamSummary> listStreams(StreamAdminClient admin, String poolId) {
    Map<String, StreamSummary> streams = new LinkedHashMap<>();
    String page = null;
    do {
      ListStreamsResponse response =
          admin.listStreams(
              ListStreamsRequest.builder()
                  .streamPoolId(poolId)
                  .limit(50)
                  .page(page)
                  .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                  .build());
      for (StreamSummary stream : response.getItems()) {
        if (stream.getLifecycleState() != StreamSummary.LifecycleState.Deleted) {
          streams.put(stream.getName(), stream);
        }
      }
      page = response.getOpcNextPage();
    } while (page != null);
    return streams;
  }

  /** The streams from the outputs, or else the suite's topics and their dead-letter topics. */
  private static Map<String, Integer> expectedStreams(Expected expected) {
    if (!expected.streamPartitions().isEmpty()) {
      return expected.streamPartitions();
    }
    Map<String, Integer> streams = new LinkedHashMap<>();
    Topics.allNamesWithDeadLetters().forEach(name -> streams.put(name, null));
    return streams;
  }

  private static Outcome checkStream(
      String name, Integer partitions, Map<String, StreamSummary> streams) {
    String check = "stream " + name;
    StreamSummary stream = streams.get(name);
    if (stream == null) {
      return fail(check, "missing from the pool: terraform apply creates it");
    }
    if (stream.getLifecycleState() != StreamSummary.LifecycleState.Active) {
      return fail(check, "is " + stream.getLifecycleState().getValue() + ", not ACTIVE");
    }
    if (partitions != null && !partitions.equals(stream.getPartitions())) {
      return fail(
          check,
          "has "
              + partitions(stream.getPartitions())
              + ", expected "
              + partitions
              + ": partitions are fixed when a stream is created, so recreate it (terraform apply"
              + " -replace) or change stream_partitions back");
    }
    return ok(check, "ACTIVE, " + partitions(stream.getPartitions()));
  }

  private Outcome checkKafka(Expected expected) {
    String check = "kafka login";
    if (expected.kafka().isEmpty()) {
      return fail(
          check, "no Kafka endpoint: give --outputs or --bootstrap-servers and --sasl-username");
    }
    KafkaLogin login = expected.kafka().get();
    if (login.password().isEmpty()) {
      return fail(
          check,
          "no auth token: set OCI_STREAM_AUTH_TOKEN (the "
              + "stream-auth-token secret in the vault)");
    }
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, login.bootstrapServers());
    new SaslPlainLogin(login.securityProtocol(), login.username(), login.password().get())
        .applyTo(config);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.RETRIES_CONFIG, 1);
    try (Admin admin = Admin.create(config)) {
      Set<String> topics =
          new TreeSet<>(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      Set<String> missing = new TreeSet<>(expectedStreams(expected).keySet());
      missing.removeAll(topics);
      if (!missing.isEmpty()) {
        return fail(
            check,
            "logged in as "
                + login.username()
                + ", but the endpoint does not list "
                + String.join(", ", missing));
      }
      return ok(
          check,
          "logged in to "
              + login.bootstrapServers()
              + " as "
              + login.username()
              + ", "
              + topics.size()
              + " topics");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SaslAuthenticationException) {
        return fail(
            check,
            "the endpoint refused the login: the user name must be"
                + " tenancy/domain/user/streamPoolOCID (tenancy/user/streamPoolOCID without identity"
                + " domains) and the password a current auth token of that user");
      }
      return fail(check, firstLine(e.getCause().getMessage()));
    } catch (TimeoutException e) {
      return fail(
          check,
          "no answer from "
              + login.bootstrapServers()
              + " within "
              + timeout.toSeconds()
              + " s: a private stream pool answers only inside its VCN (and from the pods NSG)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(check, "interrupted");
    }
  }

  private Outcome checkBucket(Expected expected) {
    String check = "bucket events";
    if (expected.bucket().isEmpty() || expected.namespace().isEmpty()) {
      return fail(check, "no bucket: give --outputs, or --bucket and --namespace");
    }
    String name = expected.namespace().get() + "/" + expected.bucket().get();
    try {
      Bucket bucket =
          apis.objectStorage()
              .getBucket(
                  GetBucketRequest.builder()
                      .namespaceName(expected.namespace().get())
                      .bucketName(expected.bucket().get())
                      .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                      .build())
              .getBucket();
      if (!Boolean.TRUE.equals(bucket.getObjectEventsEnabled())) {
        return fail(
            check,
            name
                + " does not emit object events: oci os bucket update --bucket-name "
                + expected.bucket().get()
                + " --object-events-enabled true (or terraform apply)");
      }
      return ok(check, name + " emits object events");
    } catch (BmcException e) {
      return fail(check, describe(e, "bucket " + name));
    }
  }

  private Outcome checkEventsRule(Expected expected, Map<String, StreamSummary> streams) {
    String check = "events rule";
    if (expected.eventsRuleId().isEmpty()) {
      return fail(check, "no rule: give --outputs or --events-rule-id");
    }
    try {
      JsonNode rule = apis.eventsRule(expected.eventsRuleId().get());
      List<String> problems = new ArrayList<>();
      if (!rule.path("isEnabled").asBoolean(false)) {
        problems.add("it is disabled");
      }
      if (!"ACTIVE".equals(rule.path("lifecycleState").asText())) {
        problems.add("it is " + rule.path("lifecycleState").asText("in no state"));
      }
      StreamSummary objectEvents = streams.get(OBJECT_EVENTS);
      boolean delivers = false;
      for (JsonNode action : rule.path("actions").path("actions")) {
        delivers |=
            "OSS".equals(action.path("actionType").asText())
                && action.path("isEnabled").asBoolean(false)
                && (objectEvents == null
                    || objectEvents.getId().equals(action.path("streamId").asText()));
      }
      if (!delivers) {
        problems.add("no enabled action delivers to the object-events stream");
      }
      problems.addAll(conditionProblems(rule.path("condition").asText(""), expected.bucket()));
      if (!problems.isEmpty()) {
        return fail(
            check,
            rule.path("displayName").asText("the rule")
                + ": "
                + String.join("; ", problems)
                + " (terraform apply restores it)");
      }
      return ok(
          check,
          rule.path("displayName").asText()
              + " is enabled and delivers the bucket's object events to object-events");
    } catch (java.io.IOException e) {
      return fail(check, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(check, "interrupted");
    }
  }

  /** What the rule's condition misses: the three event types, and the bucket by name. */
  static List<String> conditionProblems(String condition, Optional<String> bucket) {
    List<String> problems = new ArrayList<>();
    JsonNode parsed;
    try {
      parsed = EventJson.mapper().readTree(condition);
    } catch (java.io.IOException e) {
      return List.of("its condition is not JSON");
    }
    Set<String> types = new TreeSet<>();
    parsed.path("eventType").forEach(type -> types.add(type.asText()));
    Set<String> missing = new TreeSet<>(OBJECT_EVENT_TYPES);
    missing.removeAll(types);
    if (!missing.isEmpty()) {
      problems.add("its condition does not match " + String.join(", ", missing));
    }
    if (bucket.isPresent()) {
      boolean namesBucket = false;
      for (JsonNode name : parsed.path("data").path("additionalDetails").path("bucketName")) {
        namesBucket |= name.asText().equals(bucket.get());
      }
      if (!namesBucket) {
        problems.add("its condition does not name the bucket " + bucket.get());
      }
    }
    return problems;
  }

  private Outcome checkDatabase(Expected expected) {
    String check = "database";
    if (expected.database().isEmpty()) {
      return fail(check, "no database: give --outputs or --jdbc-url");
    }
    DatabaseLogin login = expected.database().get();
    if (login.password().isEmpty()) {
      return fail(
          check, "no password: set ORACLE_PASSWORD (the database-password secret in the vault)");
    }
    DriverManager.setLoginTimeout((int) Math.max(1, timeout.toSeconds()));
    try (Connection connection =
            DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password().get());
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      try (ResultSet result = statement.executeQuery("SELECT 1 FROM DUAL")) {
        result.next();
      }
      return ok(check, "connected as " + login.user() + " to " + product(connection));
    } catch (SQLException e) {
      return fail(
          check,
          firstLine(e.getMessage())
              + " (a private endpoint answers only inside the VCN; the user is created as"
              + " docs/deploy-oci.md shows)");
    }
  }

  /** The database's name and version, e.g. Oracle Database 23ai ... Release 23.0.0.0.0. */
  private static String product(Connection connection) throws SQLException {
    String name = connection.getMetaData().getDatabaseProductName();
    String version = firstLine(connection.getMetaData().getDatabaseProductVersion());
    return version.startsWith(name) ? version : name + " " + version;
  }

  private static String describe(BmcException e, String what) {
    if (e.isClientSide()) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return what + ": cannot reach OCI (" + cause + ")";
    }
    if (e.getStatusCode() == 404) {
      return what
          + " was not found, or this user may not see it (NotAuthorizedOrNotFound): check the"
          + " name or OCID, the region and your policies";
    }
    if (e.getStatusCode() == 401) {
      return "OCI refused the request's signature: check the config file's key and fingerprint";
    }
    return what + ": " + e.getStatusCode() + " " + e.getServiceCode() + " " + e.getMessage();
  }

  private static String partitions(int count) {
    return count == 1 ? "1 partition" : count + " partitions";
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  private static Outcome ok(String check, String detail) {
    return new Outcome(check, true, detail);
  }

  private static Outcome fail(String check, String detail) {
    return new Outcome(check, false, detail);
  }
}
