package dev.eventsuite.launcher.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciApiStub;
import dev.eventsuite.oci.OciApiStub.Request;
import dev.eventsuite.oci.OciApiStub.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A deployment of the suite as OCI's APIs describe it: Streaming (pool, streams, messages), Object
 * Storage (the bucket) and Events (the rule), answering the real SDK through an {@link OciApiStub}.
 * Tests change what it describes to make it drift from what Terraform created.
 */
final class OciDeploymentStub implements AutoCloseable {

  static final String POOL = "ocid1.streampool.oc1.eu-frankfurt-1.pool";
  static final String RULE = "ocid1.eventrule.oc1.eu-frankfurt-1.rule";
  static final String NAMESPACE = "acmens";
  static final String BUCKET = "event-suite-objects";

  /** The suite's streams with the partitions Terraform gave them. */
  static final Map<String, Integer> PARTITIONS = partitions();

  final Map<String, Integer> streams = new LinkedHashMap<>(PARTITIONS);
  boolean bucketEmitsEvents = true;
  boolean ruleEnabled = true;
  String ruleTarget = streamId("object-events");
  String ruleCondition =
      "{\"eventType\":[\"com.oraclecloud.objectstorage.createobject\","
          + "\"com.oraclecloud.objectstorage.updateobject\","
          + "\"com.oraclecloud.objectstorage.deleteobject\"],"
          + "\"data\":{\"additionalDetails\":{\"bucketName\":[\""
          + BUCKET
          + "\"]}}}";

  /**
   * The error PutMessages answers for a message, given the request's number (from 1) and the
   * message's index in it; null accepts it. By default every message is accepted.
   */
  BiFunction<Integer, Integer, String> putMessageError = (request, index) -> null;

  /** The size of each PutMessages request body. */
  final List<Integer> putRequestSizes = new CopyOnWriteArrayList<>();

  /** Each message the stream accepted: key and value as sent. */
  final List<Map.Entry<String, String>> accepted = new CopyOnWriteArrayList<>();

  final OciApiStub api;

  OciDeploymentStub() throws Exception {
    api = new OciApiStub(this::answer);
  }

  static String streamId(String name) {
    return "ocid1.stream.oc1.eu-frankfurt-1." + name;
  }

  private static Map<String, Integer> partitions() {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    for (String topic :
        List.of(
            "object-events",
            "metric-events",
            "documents",
            "document-chunks",
            "features",
            "anomalies")) {
      partitions.put(topic, topic.equals("metric-events") ? 3 : 1);
      partitions.put(topic + "-dlq", 1);
    }
    return Collections.unmodifiableMap(partitions);
  }

  /** {@code terraform output -json} of the deployment, as the root module prints it. */
  String terraformOutputs(String bootstrapServers, String saslUsername, String jdbcUrl) {
    ObjectNode outputs = EventJson.mapper().createObjectNode();
    output(outputs, "region", "eu-frankfurt-1");
    output(outputs, "stream_pool_id", POOL);
    ObjectNode partitions = EventJson.mapper().createObjectNode();
    PARTITIONS.forEach(partitions::put);
    outputs.putObject("stream_partitions").set("value", partitions);
    output(outputs, "kafka_bootstrap_servers", bootstrapServers);
    output(outputs, "kafka_sasl_username", saslUsername);
    output(outputs, "object_storage_namespace", NAMESPACE);
    output(outputs, "bucket_name", BUCKET);
    output(outputs, "events_rule_id", RULE);
    output(outputs, "database_jdbc_url", jdbcUrl);
    outputs.putObject("database_id").putNull("value");
    return outputs.toString();
  }

  private static void output(ObjectNode outputs, String name, String value) {
    ObjectNode output = outputs.putObject(name);
    output.put("sensitive", false);
    output.put("type", "string");
    output.put("value", value);
  }

  private Response answer(Request request) {
    String path = request.rawPath();
    if (request.method().equals("GET") && path.equals("/20180418/streampools/" + POOL)) {
      return json(pool());
    }
    if (request.method().equals("GET") && path.equals("/20180418/streams")) {
      ArrayNode list = EventJson.mapper().createArrayNode();
      streams.forEach((name, partitions) -> list.add(stream(name, partitions)));
      return json(list);
    }
    if (request.method().equals("GET") && path.startsWith("/20180418/streams/")) {
      String name = path.substring(path.lastIndexOf('.') + 1);
      return streams.containsKey(name) ? json(stream(name, streams.get(name))) : notFound();
    }
    if (request.method().equals("POST") && path.endsWith("/messages")) {
      return putMessages(request);
    }
    if (request.method().equals("GET") && path.matches("/n/" + NAMESPACE + "/b/" + BUCKET + "/?")) {
      ObjectNode bucket = EventJson.mapper().createObjectNode();
      bucket.put("namespace", NAMESPACE);
      bucket.put("name", BUCKET);
      bucket.put("objectEventsEnabled", bucketEmitsEvents);
      return json(bucket);
    }
    if (request.method().equals("GET") && path.equals("/20181201/rules/" + RULE)) {
      return json(rule());
    }
    return notFound();
  }

  private ObjectNode pool() {
    ObjectNode pool = EventJson.mapper().createObjectNode();
    pool.put("id", POOL);
    pool.put("name", "event-suite-streams");
    pool.put("lifecycleState", "ACTIVE");
    pool.put("isPrivate", true);
    pool.put("endpointFqdn", "cell-1.streaming.eu-frankfurt-1.oci.oraclecloud.com");
    return pool;
  }

  private ObjectNode stream(String name, int partitions) {
    ObjectNode stream = EventJson.mapper().createObjectNode();
    stream.put("id", streamId(name));
    stream.put("name", name);
    stream.put("partitions", partitions);
    stream.put("streamPoolId", POOL);
    stream.put("lifecycleState", "ACTIVE");
    stream.put("messagesEndpoint", api.endpoint());
    return stream;
  }

  private ObjectNode rule() {
    ObjectNode rule = EventJson.mapper().createObjectNode();
    rule.put("id", RULE);
    rule.put("displayName", "event-suite-object-events");
    rule.put("lifecycleState", "ACTIVE");
    rule.put("isEnabled", ruleEnabled);
    rule.put("condition", ruleCondition);
    ObjectNode action = rule.putObject("actions").putArray("actions").addObject();
    action.put("actionType", "OSS");
    action.put("isEnabled", true);
    action.put("lifecycleState", "ACTIVE");
    action.put("streamId", ruleTarget);
    return rule;
  }

  private Response putMessages(Request request) {
    putRequestSizes.add(request.body().length);
    int number = putRequestSizes.size();
    JsonNode messages;
    try {
      messages = EventJson.mapper().readTree(request.body()).path("messages");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode result = EventJson.mapper().createObjectNode();
    ArrayNode entries = result.putArray("entries");
    int failures = 0;
    for (int i = 0; i < messages.size(); i++) {
      String error = putMessageError.apply(number, i);
      ObjectNode entry = entries.addObject();
      if (error == null) {
        accepted.add(
            Map.entry(decode(messages.get(i).path("key")), decode(messages.get(i).path("value"))));
        entry.put("partition", "0");
        entry.put("offset", accepted.size());
      } else {
        failures++;
        entry.put("error", error);
        entry.put("errorMessage", "Request was throttled because bytes limit exhausted");
      }
    }
    result.put("failures", failures);
    return json(result);
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  private static Response json(JsonNode body) {
    return Response.json(200, body.toString());
  }

  private static Response notFound() {
    return Response.json(
        404,
        "{\"code\":\"NotAuthorizedOrNotFound\",\"message\":\"Authorization failed or requested resource not found.\"}");
  }

  @Override
  public void close() throws IOException {
    api.close();
  }
}
