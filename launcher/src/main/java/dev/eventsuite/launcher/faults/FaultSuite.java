package dev.eventsuite.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.Topics;
import dev.eventsuite.events.document.DocumentIds;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kills each part of a running suite in turn under a steady load, and compares what the suite made
 * of that load with what it made of the same load without faults.
 *
 * <p>The same metric events (each entity's values with one spike the detectors flag) go to three
 * groups of entities: <em>clean</em>, produced before any fault; <em>faulted</em>, produced by a
 * plain Kafka producer while the faults happen; <em>file</em>, read by ingest-service from a JSON
 * Lines file that it is killed in the middle of. Documents go into the bucket before and during the
 * faults. Afterwards every faulted and file entity must have exactly its clean twin's features and
 * scored series, every document exactly its twin's chunks, every entity one alert, and the
 * dead-letter topics the bad input sent alongside and nothing else. Besides the kills, every
 * service's stores are made to fail for 30 s.
 */
public final class FaultSuite {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final double SPIKE = 400;
  private static final Duration STORE_OUTAGE = Duration.ofSeconds(30);

  /**
   * How much load, over how long.
   *
   * @param entities entities in each of the clean and faulted groups
   * @param fileEntities entities in the file ingest-service is killed in the middle of
   * @param eventsPerEntity events of each entity, one a minute; one of them is a spike
   * @param documents documents in each of the clean and faulted groups
   * @param load how long the faulted events take to send
   * @param settle how long everything may take to catch up once the faults are over
   */
  public record Plan(
      int entities,
      int fileEntities,
      int eventsPerEntity,
      int documents,
      Duration load,
      Duration settle) {

    /** A few minutes: what CI runs. */
    public static Plan lean() {
      return new Plan(20, 200, 60, 3, Duration.ofSeconds(60), Duration.ofMinutes(3));
    }

    /** The documented full form: about 7 minutes here. */
    public static Plan full() {
      return new Plan(500, 1000, 300, 20, Duration.ofMinutes(5), Duration.ofMinutes(10));
    }
  }

  /**
   * What the services of a suite the fault suite runs on need beyond the defaults: fault injection
   * on, and anomaly-service's alerts posted to the given webhook.
   */
  public static Map<Component, Map<String, String>> settings(WebhookInbox alerts) {
    Map<Component, Map<String, String>> settings = new HashMap<>();
    for (Component service : Component.services()) {
      settings.put(service, new HashMap<>(Map.of("suite.faults.enabled", "true")));
    }
    settings
        .get(Component.ANOMALY)
        .put("suite.anomaly.alerts.webhook.url", alerts.url().toString());
    return settings;
  }

  private final RunningSuite suite;
  private final WebhookInbox alerts;
  private final Plan plan;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final Instant start =
      Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

  /**
   * @param alerts the webhook the suite's anomaly-service posts alerts to
   */
  public FaultSuite(RunningSuite suite, WebhookInbox alerts, Plan plan, PrintStream out) {
    this.suite = suite;
    this.alerts = alerts;
    this.plan = plan;
    this.out = out;
  }

  /** Runs the load and the faults, waits for the suite to catch up, and compares. */
  public FaultReport run() throws Exception {
    FaultReport report = new FaultReport(run);
    Map<TopicPartition, Long> deadLettersBefore = deadLetterEnds();
    out.println("fault suite " + run + ": clean load");
    writeDocuments("clean");
    List<String> badInput;
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (int k = 0; k < plan.eventsPerEntity(); k++) {
        for (int i = 0; i < plan.entities(); i++) {
          producer.send(event("clean", i, k));
        }
      }
      producer.flush();
      awaitEvents("clean", plan.entities(), plan.settle());

      out.println("fault suite " + run + ": faulted load, " + plan.load().toSeconds() + " s");
      Thread load = new Thread(() -> sendPaced(producer), "fault-suite-load");
      load.start();
      writeDocuments("faulted");
      badInput = sendBadInput(producer);
      report.add(killIngestInTheMiddleOfAFile());
      for (Component service :
          List.of(Component.ENRICH, Component.ANOMALY, Component.EMBED, Component.SEARCH)) {
        report.add(kill(service));
      }
      report.add(storeOutage());
      report.add(kill(Component.KAFKA));
      load.join();
      producer.flush();
    }

    out.println("fault suite " + run + ": waiting for the suite to catch up");
    awaitEvents("faulted", plan.entities(), plan.settle());
    awaitEvents("file", plan.fileEntities(), plan.settle());
    compareFeatures(report, "faulted", plan.entities());
    compareFeatures(report, "file", plan.fileEntities());
    compareSeries(report, "faulted", plan.entities());
    compareSeries(report, "file", plan.fileEntities());
    compareDocuments(report);
    countAlerts(report);
    compareDeadLetters(report, deadLettersBefore, badInput);
    return report;
  }

  /** Sends the faulted group's events evenly over the load's duration. */
  private void sendPaced(KafkaProducer<String, byte[]> producer) {
    long pauseNanos = plan.load().toNanos() / plan.eventsPerEntity();
    long next = System.nanoTime();
    for (int k = 0; k < plan.eventsPerEntity(); k++) {
      for (int i = 0; i < plan.entities(); i++) {
        producer.send(event("faulted", i, k));
      }
      next += pauseNanos;
      sleepUntil(next);
    }
  }

  private Fault killIngestInTheMiddleOfAFile() throws Exception {
    int rows = plan.fileEntities() * plan.eventsPerEntity();
    String prefix = entity("file", 0).replaceAll("0$", "");
    try (KafkaConsumer<String, byte[]> tail = tail(Topics.METRIC_EVENTS_NAME)) {
      // Written beside the bucket, then moved in whole: the watcher sees one complete object.
      Path written = suite.dataDir().root().resolve("faults-" + run + ".jsonl");
      StringBuilder lines = new StringBuilder();
      for (int k = 0; k < plan.eventsPerEntity(); k++) {
        for (int i = 0; i < plan.fileEntities(); i++) {
          lines.append(eventJson("file", i, k)).append('\n');
        }
      }
      Files.writeString(written, lines, StandardCharsets.UTF_8);
      Path file =
          suite
              .dataDir()
              .buckets()
              .resolve(DataDir.DEFAULT_BUCKET)
              .resolve("faults-" + run)
              .resolve("events.jsonl");
      Files.createDirectories(file.getParent());
      Files.move(written, file);
      int seen = 0;
      long deadline = System.nanoTime() + plan.settle().toNanos();
      while (seen < rows / 3 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : tail.poll(Duration.ofMillis(20))) {
          if (record.key() != null && record.key().startsWith(prefix)) {
            seen++;
          }
        }
      }
      Fault fault = kill(Component.INGEST);
      return fault.withNote(seen + " of the file's " + rows + " rows were published at the kill");
    }
  }

  /**
   * Kills a component with SIGKILL and starts it again, as a supervisor would. Readiness must say
   * so (the broker's outage shows in enrich-service's) and every service be ready again after.
   */
  private Fault kill(Component component) throws Exception {
    Suite.pause(plan.load().dividedBy(8));
    out.println("fault suite " + run + ": kill -9 " + component.id());
    long killed = System.nanoTime();
    ProcessHandle process = suite.record(component).process().orElseThrow();
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
    Component watched = component.isService() ? component : Component.ENRICH;
    boolean down = eventually(() -> !ready(watched), Duration.ofSeconds(30));
    suite.restart(component);
    boolean back =
        eventually(
            () -> Component.services().stream().allMatch(this::ready), Duration.ofSeconds(90));
    return new Fault("kill -9 " + component.id(), seconds(System.nanoTime() - killed), down, back);
  }

  private void compareFeatures(FaultReport report, String group, int entities) throws Exception {
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < entities; i++) {
      JsonNode expected = comparable(features(entity("clean", i % plan.entities())));
      JsonNode actual = comparable(features(entity(group, i)));
      if (expected == null || !expected.equals(actual)) {
        differing.add(entity(group, i));
      }
    }
    report.compared("features of " + group + " entities", entities, differing);
  }

  private void compareSeries(FaultReport report, String group, int entities) throws Exception {
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < entities; i++) {
      String twin = entity("clean", i % plan.entities());
      String id = entity(group, i);
      List<String> expected = scored(twin);
      if (expected.isEmpty()
          || !eventually(() -> scored(id).equals(expected), Duration.ofSeconds(30))) {
        differing.add(id);
      }
    }
    report.compared("scored series of " + group + " entities", entities, differing);
  }

  private void compareDocuments(FaultReport report) throws Exception {
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < plan.documents(); i++) {
      String clean = documentId("clean", i);
      String faulted = documentId("faulted", i);
      if (!eventually(() -> chunks(clean) != null, Duration.ofSeconds(60))) {
        differing.add(documentName("clean", i) + " (not indexed)");
        continue;
      }
      JsonNode expected = chunks(clean);
      if (!eventually(() -> expected.equals(chunks(faulted)), Duration.ofSeconds(60))) {
        differing.add(documentName("faulted", i));
      }
    }
    report.compared("chunks of documents", plan.documents(), differing);
  }

  /** Each entity's spike fired one alert, delivered once. */
  private void countAlerts(FaultReport report) {
    List<String> mentions = new ArrayList<>();
    for (String group : List.of("clean", "faulted", "file")) {
      int count = group.equals("file") ? plan.fileEntities() : plan.entities();
      for (int i = 0; i < count; i++) {
        mentions.add("\"entityId\":\"" + entity(group, i) + "\"");
      }
    }
    // An alert whose consumer was killed waits for the group to hand its partition on.
    eventually(() -> mentions.stream().noneMatch(m -> alerts.accepted(m).isEmpty()), plan.settle());
    List<String> differing = new ArrayList<>();
    for (String mention : mentions) {
      int alerted = alerts.accepted(mention).size();
      if (alerted != 1) {
        differing.add(mention + " (" + alerted + " alerts)");
      }
    }
    report.compared("alerts, one per entity", mentions.size(), differing);
  }

  private String entity(String group, int i) {
    return run + "-" + group + "-" + i;
  }

  /** Event k of an entity: the same for an entity and its clean twin, {@code i} modulo entities. */
  private String eventJson(String group, int i, int k) {
    int twin = i % plan.entities();
    double value = k == plan.eventsPerEntity() * 3 / 4 ? SPIKE : 20 + ((k * 7 + twin * 3) % 5);
    return "{\"entityId\":\"%s\",\"metric\":\"load\",\"value\":%s,\"timestamp\":\"%s\"}"
        .formatted(entity(group, i), value, start.plus(Duration.ofMinutes(k)));
  }

  private ProducerRecord<String, byte[]> event(String group, int i, int k) {
    return new ProducerRecord<>(
        Topics.METRIC_EVENTS_NAME,
        entity(group, i),
        eventJson(group, i, k).getBytes(StandardCharsets.UTF_8));
  }

  /** Documents of a few sections each, the same text in both groups. */
  private void writeDocuments(String group) throws IOException {
    for (int i = 0; i < plan.documents(); i++) {
      Path file =
          suite.dataDir().buckets().resolve(DataDir.DEFAULT_BUCKET).resolve(documentName(group, i));
      Files.createDirectories(file.getParent());
      StringBuilder text = new StringBuilder("# Runbook " + i + "\n\n");
      for (int section = 0; section < 3; section++) {
        text.append("## Step ").append(section).append("\n\n");
        for (int sentence = 0; sentence < 12; sentence++) {
          text.append("Check broker ")
              .append(i)
              .append(" partition ")
              .append(section * 12 + sentence)
              .append(" before the rolling restart, and write down its lag. ");
        }
        text.append("\n\n");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  private String documentName(String group, int i) {
    return "faults-" + run + "/" + group + "/runbook-" + i + ".md";
  }

  private String documentId(String group, int i) {
    return DocumentIds.ofObject("local", DataDir.DEFAULT_BUCKET, documentName(group, i));
  }

  /** Waits until every entity of a group has all its events in its features. */
  private void awaitEvents(String group, int entities, Duration timeout) {
    boolean done =
        eventually(
            () -> {
              for (int i = 0; i < entities; i++) {
                JsonNode features = features(entity(group, i));
                if (features == null
                    || features.path("activity").path("totalEvents").asLong()
                        < plan.eventsPerEntity()) {
                  return false;
                }
              }
              return true;
            },
            timeout);
    if (!done) {
      throw new IllegalStateException(
          "the " + group + " entities' events were not all applied within " + timeout);
    }
  }

  /** An entity's features, or null when it has none yet or the service does not answer. */
  private JsonNode features(String entityId) {
    HttpResponse<byte[]> response = get(Component.ENRICH, "/api/v1/features/" + entityId);
    return response != null && response.statusCode() == 200
        ? EventJson.tree(response.body())
        : null;
  }

  /** The features without what names the entity, its events and their positions. */
  private static JsonNode comparable(JsonNode features) {
    if (features == null) {
      return null;
    }
    ObjectNode copy = features.deepCopy();
    copy.remove(List.of("entityId", "lastEventId", "source"));
    return copy;
  }

  /** An entity's scored events as value, score and flag, oldest first. */
  private List<String> scored(String entityId) {
    HttpResponse<byte[]> response =
        get(Component.ANOMALY, "/api/v1/entities/" + entityId + "/series?limit=10000");
    if (response == null || response.statusCode() != 200) {
      return List.of();
    }
    List<String> points = new ArrayList<>();
    for (JsonNode point : EventJson.tree(response.body()).path("points")) {
      points.add(
          point.path("value").asText()
              + " "
              + point.path("score").asText()
              + " "
              + point.path("anomaly").asText());
    }
    return points;
  }

  /** A document's chunks as section, index and text, or null when it is not indexed. */
  private JsonNode chunks(String documentId) {
    HttpResponse<byte[]> response = get(Component.SEARCH, "/api/v1/documents/" + documentId);
    if (response == null || response.statusCode() != 200) {
      return null;
    }
    List<Map<String, Object>> chunks = new ArrayList<>();
    for (JsonNode chunk : EventJson.tree(response.body()).path("chunks")) {
      Map<String, Object> comparable = new HashMap<>();
      comparable.put("section", chunk.path("sectionIndex").asInt());
      comparable.put("chunk", chunk.path("chunkIndex").asInt());
      comparable.put("text", chunk.path("text").asText());
      chunks.add(comparable);
    }
    return EventJson.mapper().valueToTree(chunks);
  }

  private boolean ready(Component component) {
    return Suite.isReady(suite.url(component));
  }

  /** A GET with the API key; null when the service does not answer. */
  private HttpResponse<byte[]> get(Component component, String path) {
    return send(HttpRequest.newBuilder(URI.create(suite.url(component) + path)).GET());
  }

  /** A POST of JSON with the API key; null when the service does not answer. */
  private HttpResponse<byte[]> post(Component component, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(suite.url(component) + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(REQUEST_TIMEOUT).header("X-API-Key", suite.apiKey()).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The end offset of every partition of every dead-letter topic. */
  private Map<TopicPartition, Long> deadLetterEnds()
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = Admin.create(kafkaSettings())) {
      List<String> topics = Topics.all().stream().map(t -> t.deadLetterName()).toList();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              ends.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(ends)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((partition, info) -> offsets.put(partition, info.offset()));
      return offsets;
    }
  }

  /**
   * The dead letters of the run: each bad input sent must be there (at least once: a crash may
   * dead-letter a record again), and nothing else.
   */
  private void compareDeadLetters(
      FaultReport report, Map<TopicPartition, Long> before, List<String> badInput)
      throws Exception {
    Map<TopicPartition, Long> after = deadLetterEnds();
    Set<String> found = new TreeSet<>();
    List<String> unexpected = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            kafkaSettings(), new StringDeserializer(), new ByteArrayDeserializer())) {
      for (Map.Entry<TopicPartition, Long> end : after.entrySet()) {
        long from = before.getOrDefault(end.getKey(), 0L);
        if (end.getValue() <= from) {
          continue;
        }
        consumer.assign(List.of(end.getKey()));
        consumer.seek(end.getKey(), from);
        while (consumer.position(end.getKey()) < end.getValue()) {
          for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofSeconds(1))) {
            String key = String.valueOf(letter.key());
            badInput.stream()
                .filter(key::contains)
                .findFirst()
                .ifPresentOrElse(
                    found::add,
                    () -> {
                      Header reason = letter.headers().lastHeader(DeadLetter.REASON);
                      unexpected.add(
                          end.getKey().topic()
                              + " "
                              + key
                              + (reason == null
                                  ? ""
                                  : ": " + new String(reason.value(), StandardCharsets.UTF_8)));
                    });
          }
        }
      }
    }
    List<String> missing = badInput.stream().filter(bad -> !found.contains(bad)).toList();
    report.deadLetters(badInput.size(), found.size(), missing, unexpected);
  }

  /**
   * Bad input, sent alongside the load as users' mistakes would be: a record that is not JSON and
   * an event dated in year 9999 on {@code metric-events}, and an executable named {@code .txt} in
   * the bucket. Each must end up dead-lettered with its reason, and change nothing else.
   *
   * @return what identifies each in its dead letter's key
   */
  private List<String> sendBadInput(KafkaProducer<String, byte[]> producer) throws IOException {
    String notJson = run + "-bad-not-json";
    String farFuture = run + "-bad-year-9999";
    String binary = "faults-" + run + "/bad/program.txt";
    producer.send(
        new ProducerRecord<>(
            Topics.METRIC_EVENTS_NAME,
            notJson,
            "{\"entityId\": \"cut off".getBytes(StandardCharsets.UTF_8)));
    producer.send(
        new ProducerRecord<>(
            Topics.METRIC_EVENTS_NAME,
            farFuture,
            ("{\"entityId\":\""
                    + farFuture
                    + "\",\"metric\":\"load\",\"value\":1,"
                    + "\"timestamp\":\"9999-12-31T23:59:59Z\"}")
                .getBytes(StandardCharsets.UTF_8)));
    Path file = suite.dataDir().buckets().resolve(DataDir.DEFAULT_BUCKET).resolve(binary);
    Files.createDirectories(file.getParent());
    byte[] elf = new byte[4096];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
    Files.write(file, elf);
    return List.of(notJson, farFuture, binary);
  }

  /**
   * Makes every service's stores fail for 30 s at once (the database refuses connections, the
   * vector index refuses writes): readiness must go down, nothing be dead-lettered for it, and
   * everything be ready again after.
   */
  private Fault storeOutage() {
    Suite.pause(plan.load().dividedBy(8));
    out.println(
        "fault suite " + run + ": every store unavailable for " + STORE_OUTAGE.toSeconds() + " s");
    long started = System.nanoTime();
    for (Component service : Component.services()) {
      HttpResponse<byte[]> response =
          post(
              service,
              "/api/v1/admin/faults/store-outage",
              "{\"seconds\":" + STORE_OUTAGE.toSeconds() + "}");
      if (response == null || response.statusCode() != 202) {
        throw new IllegalStateException(
            service.id()
                + " did not start a store outage: "
                + (response == null
                    ? "no answer"
                    : response.statusCode()
                        + " "
                        + new String(response.body(), StandardCharsets.UTF_8)));
      }
    }
    boolean down =
        eventually(
            () -> Component.services().stream().noneMatch(this::ready), Duration.ofSeconds(10));
    boolean back =
        eventually(
            () -> Component.services().stream().allMatch(this::ready),
            STORE_OUTAGE.plus(Duration.ofSeconds(90)));
    return new Fault(
        "every store unavailable for " + STORE_OUTAGE.toSeconds() + " s",
        seconds(System.nanoTime() - started),
        down,
        back);
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties settings = kafkaSettings();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  /** A consumer of a topic from its end, in no group. */
  private KafkaConsumer<String, byte[]> tail(String topic) {
    Properties settings = kafkaSettings();
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private Properties kafkaSettings() {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.url(Component.KAFKA));
    return settings;
  }

  private static boolean eventually(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Suite.pause(Duration.ofMillis(500));
    }
  }

  private static void sleepUntil(long nanoTime) {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      Suite.pause(Duration.ofNanos(left));
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
