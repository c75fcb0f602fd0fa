package dev.eventsuite.bench.enrich;

import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.BrokerAddress;
import dev.eventsuite.bench.HttpConnection;
import dev.eventsuite.bench.HttpLoad;
import dev.eventsuite.bench.Kafka;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.Report;
import dev.eventsuite.bench.Topics;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * enrich-service's throughput against a bare consume-and-produce copy of the same records, its
 * produce-to-features latency at a steady rate, and the latency of its lookup API.
 */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = "Throughput, latency and lookups of enrich-service.")
public final class EnrichBenchmark implements Callable<Integer> {

  private static final String METRIC_EVENTS = "metric-events";
  private static final String FEATURES = "features";
  private static final long EVENT_SPACING_MICROS = 25;
  private static final int WARM_UP_SECONDS = 10;
  private static final int CONCURRENT_CLIENTS = 4;

  @Option(
      names = "--events",
      defaultValue = "2000000",
      description = "Events in the backlog (default ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--entities",
      defaultValue = "10000",
      description = "Distinct entities (default ${DEFAULT-VALUE}).")
  int entities;

  @Option(
      names = "--rate",
      defaultValue = "2000",
      description = "Events per second in the latency run (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--latency-seconds",
      defaultValue = "60",
      description = "Measured length of the latency run (default ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(
      names = "--lookups",
      defaultValue = "20000",
      description = "Feature lookups timed per kind (default ${DEFAULT-VALUE}).")
  int lookups;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions per topic (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--report",
      defaultValue = "docs/benchmarks/enrich.md",
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /** Events per second over the whole drain, and after its first quarter. */
  private record Drain(double overall, double sustained) {}

  /** The lookups measured. */
  private record Lookups(
      HttpLoad.Result held,
      HttpLoad.Result concurrent,
      HttpLoad.Result notHeld,
      HttpLoad.Result batch) {}

  @Override
  public Integer call() throws Exception {
    try (BenchSuite bench =
            new BenchSuite(BenchCli.home(), List.of(Component.ENRICH), partitions, System.out);
        Topics topics = new Topics(bench.broker())) {
      RunningSuite suite = bench.suite();
      BrokerAddress broker = bench.broker();
      suite.stopService(Component.ENRICH);

      System.out.printf("writing a backlog of %,d events%n", events);
      double producerRate = preload(broker, Instant.now());
      System.out.printf("raw producer: %,.0f events/s%n", producerRate);

      topics.create("bench-copy", partitions);
      double copyRate = copy(broker);
      System.out.printf("bare consume-and-produce copy: %,.0f events/s%n", copyRate);

      suite.restart(Component.ENRICH);
      Drain drain = drain(topics);
      System.out.printf(
          "enrich-service: %,.0f events/s sustained, %,.0f overall%n",
          drain.sustained(), drain.overall());

      Percentiles latency = latency(broker);
      System.out.printf(
          "latency at %d/s: p50 %.1f ms, p99 %.1f ms%n",
          rate, latency.millis(0.5), latency.millis(0.99));

      Lookups lookupResults = lookups(suite);
      System.out.printf(
          "lookups: p50 %.2f ms, p99 %.2f ms%n",
          lookupResults.held().latency().millis(0.5), lookupResults.held().latency().millis(0.99));

      report(producerRate, copyRate, drain, latency, lookupResults).write(reportFile);
      System.out.println("report written to " + reportFile);
    }
    return 0;
  }

  /** Writes the backlog as fast as the broker takes it; returns events per second. */
  private double preload(BrokerAddress broker, Instant base) {
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 20)) {
      for (int i = 0; i < events; i++) {
        String entity = "e" + (i % entities);
        long time = base.toEpochMilli() + i * EVENT_SPACING_MICROS / 1000;
        producer.send(
            new ProducerRecord<>(METRIC_EVENTS, entity, event("b-" + i, entity, value(i), time)));
      }
      producer.flush();
    }
    return events / seconds(start);
  }

  /**
   * The baseline: a consumer that copies every record of the backlog to another topic, unchanged,
   * on the same broker. enrich-service does the same plus its work.
   */
  private double copy(BrokerAddress broker) {
    try (KafkaConsumer<String, byte[]> consumer = Kafka.consumer(broker, "bench-copy", 2000);
        KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 5)) {
      consumer.subscribe(List.of(METRIC_EVENTS));
      long copied = 0;
      long start = 0;
      while (copied < events) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (start == 0) {
            start = System.nanoTime();
          }
          producer.send(new ProducerRecord<>("bench-copy", record.key(), record.value()));
          copied++;
        }
      }
      producer.flush();
      consumer.commitSync();
      return copied / seconds(start);
    }
  }

  /**
   * Times enrich-service working through the backlog: over all of it, and sustained, once the first
   * quarter has warmed up its fresh JVM.
   */
  private Drain drain(Topics topics) {
    long start = 0;
    long sustainedStart = 0;
    long sustainedFrom = 0;
    long produced;
    do {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      produced = topics.endOffsets(FEATURES);
      if (start == 0 && produced > 0) {
        start = System.nanoTime();
      }
      if (sustainedStart == 0 && produced >= events / 4) {
        sustainedStart = System.nanoTime();
        sustainedFrom = produced;
      }
    } while (produced < events);
    return new Drain(
        produced / seconds(start), (produced - sustainedFrom) / seconds(sustainedStart));
  }

  /** Produces at a steady rate and times each event until its feature snapshot is read back. */
  private Percentiles latency(BrokerAddress broker) throws Exception {
    int count = rate * (latencySeconds + WARM_UP_SECONDS);
    long[] sent = new long[count];
    long[] latencies = new long[count];
    Arrays.fill(latencies, -1);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (KafkaConsumer<String, byte[]> consumer = Kafka.consumer(broker, null, 500);
        KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 0)) {
      List<TopicPartition> features =
          consumer.partitionsFor(FEATURES).stream()
              .map(p -> new TopicPartition(FEATURES, p.partition()))
              .toList();
      consumer.assign(features);
      consumer.seekToEnd(features);
      features.forEach(consumer::position);
      Future<?> received = reader.submit(() -> readLatencies(consumer, sent, latencies));
      long start = System.nanoTime();
      long interval = 1_000_000_000L / rate;
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        String entity = "e" + (i % entities);
        sent[i] = System.nanoTime();
        producer.send(
            new ProducerRecord<>(
                METRIC_EVENTS,
                entity,
                event("l-" + i, entity, value(i), System.currentTimeMillis())));
      }
      producer.flush();
      received.get();
    } finally {
      reader.shutdownNow();
    }
    // The first seconds warm the path up at this rate; they are not measured.
    return new Percentiles(
        Arrays.stream(latencies, rate * WARM_UP_SECONDS, count).filter(l -> l >= 0).toArray());
  }

  private static void readLatencies(
      KafkaConsumer<String, byte[]> consumer, long[] sent, long[] latencies) {
    int received = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (received < latencies.length && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
        long now = System.nanoTime();
        int index = latencyIndex(record.value());
        if (index >= 0 && latencies[index] < 0) {
          latencies[index] = now - sent[index];
          received++;
        }
      }
    }
  }

  /** The index in {@code "eventId":"l-<index>"}, or -1 for any other event. */
  private static int latencyIndex(byte[] features) {
    String json = new String(features, 0, Math.min(features.length, 160), StandardCharsets.UTF_8);
    int at = json.indexOf("\"eventId\":\"l-");
    if (at < 0) {
      return -1;
    }
    int from = at + 13;
    return Integer.parseInt(json.substring(from, json.indexOf('"', from)));
  }

  /**
   * Times lookups of entities held in memory (one client, then several at once), of an entity this
   * instance does not hold (a read of the feature store), and of batches.
   */
  private Lookups lookups(RunningSuite suite) throws Exception {
    String base = suite.url(Component.ENRICH) + "/api/v1/features";
    String key = suite.apiKey();
    HttpLoad.Result held =
        HttpLoad.run(1, lookups, r -> get(base + "/e" + r.nextInt(entities), key), 200);
    HttpLoad.Result concurrent =
        HttpLoad.run(
            CONCURRENT_CLIENTS, lookups, r -> get(base + "/e" + r.nextInt(entities), key), 200);
    HttpLoad.Result notHeld =
        HttpLoad.run(1, lookups / 4, r -> get(base + "/unknown-" + r.nextInt(), key), 404);
    HttpLoad.Result batch = HttpLoad.run(1, lookups / 20, r -> batch(base, key, r), 200);
    return new Lookups(held, concurrent, notHeld, batch);
  }

  private static HttpConnection.Call get(String url, String apiKey) {
    return HttpConnection.Call.get(url, Map.of("X-API-Key", apiKey));
  }

  private HttpConnection.Call batch(String base, String apiKey, Random random) {
    StringBuilder ids = new StringBuilder("{\"entityIds\":[");
    for (int i = 0; i < 100; i++) {
      ids.append(i == 0 ? "" : ",").append("\"e").append(random.nextInt(entities)).append('"');
    }
    return HttpConnection.Call.post(
        base + ":batchGet",
        Map.of("X-API-Key", apiKey, "Content-Type", "application/json"),
        ids.append("]}").toString());
  }

  private Report report(
      double producerRate, double copyRate, Drain drain, Percentiles latency, Lookups measured) {
    String command =
        "bin/bench enrich --events "
            + events
            + " --entities "
            + entities
            + " --rate "
            + rate
            + " --latency-seconds "
            + latencySeconds
            + " --lookups "
            + lookups
            + " --partitions "
            + partitions;
    return new Report("enrich-service benchmark", command)
        .paragraph(
            "The broker and enrich-service run as the local suite runs them, each in its own JVM (enrich-service "
                + "with -Xmx"
                + Component.ENRICH.maxHeap()
                + ", its feature store in H2, windows of 5 minutes); the load "
                + "generator is a third JVM. Metric events are canonical JSON of "
                + String.format("%,d", entities)
                + " entities, one event every "
                + EVENT_SPACING_MICROS
                + " µs of event time, round robin.")
        .heading("Throughput")
        .paragraph(
            "A backlog of "
                + String.format("%,d", events)
                + " events is written while enrich-service is stopped, "
                + "then drained. The baseline is a bare consumer that copies the same records, unchanged, to another topic "
                + "on the same broker: the Kafka work enrich-service cannot avoid. Sustained throughput is measured once a "
                + "quarter of the backlog is done, after the JIT compiler has warmed up the freshly started JVM.")
        .table(
            List.of(
                List.of("measured", "events/s", "against the baseline", "target"),
                List.of("raw producer (writing the backlog)", rate(producerRate), "", ""),
                List.of("bare consume-and-produce copy (baseline)", rate(copyRate), "1.00", ""),
                List.of(
                    "**enrich-service, sustained**",
                    "**" + rate(drain.sustained()) + "**",
                    Percentiles.format(drain.sustained() / copyRate, 2),
                    "≥ 40,000 events/s"),
                List.of(
                    "enrich-service, whole backlog with JIT warm-up",
                    rate(drain.overall()),
                    Percentiles.format(drain.overall() / copyRate, 2),
                    "")))
        .heading("Latency")
        .paragraph(
            "Events produced at "
                + rate
                + " per second for "
                + latencySeconds
                + " s after "
                + WARM_UP_SECONDS
                + " s of warm-up at the same rate; the time from sending an event to reading its feature snapshot from "
                + "`features` ("
                + latency.count()
                + " events).")
        .table(
            List.of(
                List.of("p50", "p95", "p99", "max", "target"),
                List.of(
                    ms(latency.millis(0.5)),
                    ms(latency.millis(0.95)),
                    ms(latency.millis(0.99)),
                    ms(latency.maxMillis()),
                    "p99 ≤ 100 ms")))
        .heading("Lookups")
        .paragraph(
            "HTTP calls to the lookup API for random entities, each client sending its next call when the answer "
                + "to the last arrives, after a tenth as many warm-up calls. The machine has two cores, so several clients "
                + "at once queue for them.")
        .table(
            List.of(
                List.of("call", "clients", "calls/s", "p50", "p99", "target"),
                lookupRow(
                    "`GET /api/v1/features/{id}`, entity held in memory",
                    1,
                    measured.held(),
                    "p99 < 5 ms"),
                lookupRow(
                    "`GET /api/v1/features/{id}`, entity held in memory",
                    CONCURRENT_CLIENTS,
                    measured.concurrent(),
                    ""),
                lookupRow(
                    "`GET /api/v1/features/{id}`, entity not held: read from the store (404 here)",
                    1,
                    measured.notHeld(),
                    "p99 < 5 ms"),
                lookupRow("`POST /api/v1/features:batchGet`, 100 ids", 1, measured.batch(), "")));
  }

  private static List<String> lookupRow(
      String call, int clients, HttpLoad.Result result, String target) {
    return List.of(
        call,
        String.valueOf(clients),
        rate(result.callsPerSecond()),
        ms(result.latency().millis(0.5)),
        ms(result.latency().millis(0.99)),
        target);
  }

  private static String rate(double perSecond) {
    return String.format("%,.0f", perSecond);
  }

  private static String ms(double millis) {
    return Percentiles.format(millis, 2) + " ms";
  }

  private static double value(int i) {
    return 100 + 20 * Math.sin(i / 5000.0) + (i * 7919 % 13);
  }

  private static byte[] event(String id, String entity, double value, long epochMillis) {
    return ("{\"eventId\":\""
            + id
            + "\",\"entityId\":\""
            + entity
            + "\",\"metric\":\"latency\",\"value\":"
            + value
            + ",\"timestamp\":"
            + epochMillis
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
