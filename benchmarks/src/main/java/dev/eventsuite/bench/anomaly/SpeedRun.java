package dev.eventsuite.bench.anomaly;

import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.BrokerAddress;
import dev.eventsuite.bench.Kafka;
import dev.eventsuite.bench.Metrics;
import dev.eventsuite.bench.Topics;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.SourcePosition;
import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * anomaly-service scoring a backlog of feature snapshots, with every scored event, anomaly and
 * detector state written to its store, against a bare consumer reading the same records.
 */
final class SpeedRun {

  private static final String FEATURES = "features";
  private static final String GROUP = "anomaly-service.features";

  /** Snapshots per second: written, read bare, scored overall and after the first quarter. */
  record Result(
      long snapshots,
      int entities,
      double producer,
      double bareConsumer,
      double overall,
      double sustained,
      long anomalies) {}

  private final Path home;
  private final int snapshots;
  private final int entities;
  private final int partitions;

  SpeedRun(Path home, int snapshots, int entities, int partitions) {
    this.home = home;
    this.snapshots = snapshots;
    this.entities = entities;
    this.partitions = partitions;
  }

  Result run() {
    try (BenchSuite bench =
        new BenchSuite(home, List.of(Component.ANOMALY), partitions, System.out)) {
      RunningSuite suite = bench.suite();
      suite.stopService(Component.ANOMALY);
      System.out.printf("writing a backlog of %,d feature snapshots%n", snapshots);
      double producer = preload(bench.broker());
      System.out.printf("raw producer: %,.0f snapshots/s%n", producer);
      double bare = readBare(bench.broker());
      System.out.printf("bare consumer: %,.0f snapshots/s%n", bare);
      suite.restart(Component.ANOMALY);
      String service = suite.url(Component.ANOMALY);
      double[] drained;
      try (Topics topics = new Topics(bench.broker())) {
        drained = drain(topics);
      }
      long anomalies = (long) Metrics.sum(service, "suite_anomaly_anomalies_total");
      System.out.printf(
          "anomaly-service: %,.0f snapshots/s sustained, %,.0f overall, %,d anomalies%n",
          drained[1], drained[0], anomalies);
      return new Result(snapshots, entities, producer, bare, drained[0], drained[1], anomalies);
    }
  }

  /**
   * Writes the backlog: each entity's readings drift around its own level, and about one in a
   * thousand jumps.
   */
  private double preload(BrokerAddress broker) {
    Random random = new Random(11);
    double[] last = new double[entities];
    long[] counts = new long[entities];
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 20)) {
      for (int i = 0; i < snapshots; i++) {
        int e = i % entities;
        String entity = "e" + e;
        double level = 100 + e % 50;
        double value =
            random.nextInt(1000) == 0 ? level * 3 : level + random.nextGaussian() * (1 + e % 7);
        Double previous = counts[e] == 0 ? null : last[e];
        counts[e]++;
        last[e] = value;
        Instant time = base.plusSeconds(i / entities * 10L);
        FeaturesUpdated features =
            new FeaturesUpdated(
                entity,
                "bench-" + i,
                time,
                "load",
                value,
                null,
                false,
                new EntityActivity(
                    counts[e],
                    Map.of("1m", 6L, "1h", 360L),
                    time,
                    null,
                    previous == null ? null : 10.0),
                new SeriesFeatures(
                    "load",
                    counts[e],
                    value,
                    previous,
                    previous == null ? null : value - previous,
                    previous == null ? null : value / previous,
                    level,
                    1 + e % 7,
                    level,
                    Map.of(
                        "1m", new WindowStatistics(6, level, 1, level - 2, level + 2),
                        "1h", new WindowStatistics(360, level, 1, level - 3, level + 3))),
                new SourcePosition("metric-events", e % partitions, i),
                time);
        producer.send(new ProducerRecord<>(FEATURES, entity, EventJson.toBytes(features)));
      }
      producer.flush();
    }
    return snapshots / seconds(start);
  }

  /** The baseline: a consumer that only reads every record of the backlog. */
  private double readBare(BrokerAddress broker) {
    try (KafkaConsumer<String, byte[]> consumer = Kafka.consumer(broker, "bench-bare", 2000)) {
      consumer.subscribe(List.of(FEATURES));
      long read = 0;
      long start = 0;
      while (read < snapshots) {
        int polled = consumer.poll(Duration.ofMillis(100)).count();
        if (start == 0 && polled > 0) {
          start = System.nanoTime();
        }
        read += polled;
      }
      return read / seconds(start);
    }
  }

  /**
   * Times anomaly-service through the backlog by the offsets its stream committed, each once what
   * came before it was stored: over all of it, and once the first quarter warmed up its fresh JVM.
   */
  private double[] drain(Topics topics) {
    long start = 0;
    double startFrom = 0;
    long sustainedStart = 0;
    double sustainedFrom = 0;
    double done;
    do {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      done = topics.committed(GROUP);
      // Offsets move a checkpoint at a time: rates count what was committed after a first commit.
      if (start == 0 && done > 0) {
        start = System.nanoTime();
        startFrom = done;
      }
      if (sustainedStart == 0 && done >= snapshots / 4.0) {
        sustainedStart = System.nanoTime();
        sustainedFrom = done;
      }
    } while (done < snapshots);
    return new double[] {
      (done - startFrom) / seconds(start), (done - sustainedFrom) / seconds(sustainedStart)
    };
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
