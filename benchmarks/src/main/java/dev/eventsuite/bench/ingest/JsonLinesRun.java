package dev.eventsuite.bench.ingest;

import dev.eventsuite.bench.BrokerAddress;
import dev.eventsuite.bench.CpuTime;
import dev.eventsuite.bench.HeapSampler;
import dev.eventsuite.bench.Kafka;
import dev.eventsuite.bench.Topics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A JSON Lines file of metric events: written, produced raw by a bare producer (the baseline), then
 * dropped into a local bucket for ingest-service to turn into {@code metric-events} records.
 */
final class JsonLinesRun {

  private static final String METRIC_EVENTS = "metric-events";
  private static final String RAW_TOPIC = "bench-raw";
  private static final String AGAIN_TOPIC = "bench-again";
  private static final Instant BASE_TIME = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(500);
  private static final Duration STALL = Duration.ofMinutes(2);

  private final Topics topics;
  private final BrokerAddress broker;
  private final long brokerPid;

  /** What was written. */
  record File(Path path, long bytes, long lines) {}

  /**
   * A rate measured over a span of time, with the CPU time the producing process and the broker
   * used in it.
   */
  record Rate(long records, long bytes, double seconds, Duration producerCpu, Duration brokerCpu) {
    double recordsPerSecond() {
      return records / seconds;
    }

    double megabytesPerSecond() {
      return bytes / seconds / (1 << 20);
    }

    /** CPU microseconds per record, in the producing process. */
    double producerMicros() {
      return producerCpu.toNanos() / 1e3 / records;
    }

    /** CPU microseconds per record, in the broker. */
    double brokerMicros() {
      return brokerCpu.toNanos() / 1e3 / records;
    }
  }

  /**
   * What ingest-service did with the file.
   *
   * @param publishing from its first record to its last
   * @param endToEnd from the file landing in the bucket to its last record: settling, hashing and
   *     the object event included
   * @param heap the service's heap while it worked
   * @param deadLettered records dead-lettered (rows that did not parse): none expected
   */
  record Ingested(Rate publishing, Rate endToEnd, HeapSampler heap, long deadLettered) {}

  JsonLinesRun(Topics topics, BrokerAddress broker, long brokerPid) {
    this.topics = topics;
    this.broker = broker;
    this.brokerPid = brokerPid;
    topics.create(RAW_TOPIC, topics.partitions(METRIC_EVENTS));
    topics.create(AGAIN_TOPIC, topics.partitions(METRIC_EVENTS));
  }

  /** Writes metric events in the canonical shape until the file has the given size. */
  static File write(Path path, long targetBytes, int entities) throws IOException {
    Files.createDirectories(path.getParent());
    long lines = 0;
    long bytes = 0;
    StringBuilder line = new StringBuilder(128);
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      while (bytes < targetBytes) {
        line.setLength(0);
        line.append("{\"entityId\":\"e")
            .append(lines % entities)
            .append("\",\"metric\":\"cpu\",\"value\":")
            .append(String.format(Locale.ROOT, "%.2f", (lines * 7919 % 10_000) / 100.0))
            .append(",\"timestamp\":\"")
            .append(BASE_TIME.plusMillis(lines * 10))
            .append("\"}\n");
        out.append(line);
        bytes += line.length();
        lines++;
      }
    }
    return new File(path, bytes, lines);
  }

  /**
   * The baseline: every line of the file produced as it is, keyed by its entity, by one producer
   * configured as the services' producers are.
   */
  Rate produceRaw(File file) throws IOException {
    return timed(
        file.lines(),
        file.bytes(),
        () -> {
          try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8);
              KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 5)) {
            for (String line; (line = in.readLine()) != null; ) {
              int from = line.indexOf(':') + 2;
              String key = line.substring(from, line.indexOf('"', from));
              producer.send(
                  new ProducerRecord<>(RAW_TOPIC, key, line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
          }
        });
  }

  /** A record as ingest-service published it: key, value and headers. */
  private record Published(String key, byte[] value, List<Header> headers) {}

  /**
   * The records ingest-service published, sent again by a bare producer configured as the
   * baseline's: what producing and storing the published records costs (their values and
   * CloudEvents headers) without reading, parsing and normalising. The first {@code sample} records
   * of {@code metric-events} are read into memory, sent once to warm up, then {@code passes} times
   * timed.
   */
  Rate produceAgain(int sample, int passes) throws IOException {
    List<Published> records = readPublished(sample);
    long valueBytes = records.stream().mapToLong(record -> record.value().length).sum();
    try (KafkaProducer<String, byte[]> producer = Kafka.producer(broker, 5)) {
      sendAll(producer, records);
      producer.flush();
      return timed(
          (long) records.size() * passes,
          valueBytes * passes,
          () -> {
            for (int pass = 0; pass < passes; pass++) {
              sendAll(producer, records);
            }
            producer.flush();
          });
    }
  }

  /** Sends every record once. */
  private static void sendAll(KafkaProducer<String, byte[]> producer, List<Published> records) {
    for (Published record : records) {
      producer.send(
          new ProducerRecord<>(AGAIN_TOPIC, null, record.key(), record.value(), record.headers()));
    }
  }

  private List<Published> readPublished(int sample) {
    List<Published> records = new ArrayList<>(sample);
    Map<String, String> headerNames = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = Kafka.consumer(broker, null, 10_000)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int partition = 0; partition < topics.partitions(METRIC_EVENTS); partition++) {
        partitions.add(new TopicPartition(METRIC_EVENTS, partition));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (records.size() < sample) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          if (records.size() == sample) {
            break;
          }
          Header[] headers = record.headers().toArray();
          for (int i = 0; i < headers.length; i++) {
            // One string per header name, as a producer holding its names as constants has.
            String name = headerNames.computeIfAbsent(headers[i].key(), key -> key);
            headers[i] = new RecordHeader(name, headers[i].value());
          }
          records.add(new Published(record.key(), record.value(), List.of(headers)));
        }
      }
    }
    return records;
  }

  /** Work that produces records, timed with the CPU it and the broker spend. */
  @FunctionalInterface
  private interface Producing {
    void run() throws IOException;
  }

  private Rate timed(long records, long bytes, Producing producing) throws IOException {
    long start = System.nanoTime();
    Duration selfBefore = CpuTime.self();
    Duration brokerBefore = brokerCpu();
    producing.run();
    return new Rate(
        records,
        bytes,
        seconds(start),
        CpuTime.self().minus(selfBefore),
        brokerCpu().minus(brokerBefore));
  }

  /**
   * Moves the file into a bucket folder and waits until ingest-service has published a record for
   * every line, sampling its heap on the way.
   */
  Ingested ingest(File file, Path bucketFile, String serviceUrl, long servicePid)
      throws IOException {
    long before = topics.endOffsets(METRIC_EVENTS);
    long deadLetteredBefore = topics.endOffsets("object-events-dlq");
    long expected = before + file.lines();
    HeapSampler heap =
        new HeapSampler(
            serviceUrl,
            () -> (topics.endOffsets(METRIC_EVENTS) - before) / (double) file.lines(),
            HEAP_SAMPLE_INTERVAL);
    try (heap) {
      Files.createDirectories(bucketFile.getParent());
      long landed = System.nanoTime();
      Duration serviceBefore = CpuTime.of(List.of(servicePid));
      Duration brokerBefore = brokerCpu();
      Files.move(file.path(), bucketFile, StandardCopyOption.ATOMIC_MOVE);
      long first = 0;
      long published = before;
      long lastProgress = landed;
      while (published < expected) {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        long now = topics.endOffsets(METRIC_EVENTS);
        if (first == 0 && now > before) {
          first = System.nanoTime();
        }
        if (now > published) {
          published = now;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          throw new IllegalStateException(
              "ingest-service published nothing for "
                  + STALL.toSeconds()
                  + " s, at "
                  + (published - before)
                  + " of "
                  + file.lines()
                  + " records; see its log");
        }
      }
      Duration serviceCpu = CpuTime.of(List.of(servicePid)).minus(serviceBefore);
      Duration brokerCpu = brokerCpu().minus(brokerBefore);
      return new Ingested(
          new Rate(file.lines(), file.bytes(), seconds(first), serviceCpu, brokerCpu),
          new Rate(file.lines(), file.bytes(), seconds(landed), serviceCpu, brokerCpu),
          heap,
          topics.endOffsets("object-events-dlq") - deadLetteredBefore);
    }
  }

  private Duration brokerCpu() {
    return CpuTime.of(List.of(brokerPid));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
