package dev.eventsuite.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.bench.BrokerAddress;
import dev.eventsuite.bench.Kafka;
import dev.eventsuite.bench.Topics;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.upload.BucketClient;
import dev.eventsuite.launcher.upload.UploadPlan;
import dev.eventsuite.launcher.upload.UploadProgress;
import dev.eventsuite.launcher.upload.UploadReport;
import dev.eventsuite.launcher.upload.Uploader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Folders of documents uploaded through the bucket API, timed until ingest-service has published
 * every section of every document on {@code documents}; and, as the baseline, the same files parsed
 * by bare Apache Tika in one thread of this JVM.
 */
final class DocumentsRun implements AutoCloseable {

  static final String BUCKET = "bench-docs";
  private static final String DOCUMENTS = "documents";
  private static final String DEAD_LETTERS = "object-events-dlq";
  private static final Duration STALL = Duration.ofMinutes(2);
  private static final int UPLOAD_PARALLELISM = 4;

  private final Topics topics;
  private final Uploader uploader;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread tail;
  private final Map<String, Integer> sectionsSeen = new ConcurrentHashMap<>();
  private final Set<String> complete = ConcurrentHashMap.newKeySet();
  private final AutoDetectParser tika = new AutoDetectParser();
  private volatile boolean closed;

  /** What ingesting one folder took; {@code deadLettered} counts files that could not be read. */
  record Ingested(int files, long deadLettered, double seconds) {}

  DocumentsRun(Topics topics, BrokerAddress broker, String serviceUrl, String apiKey) {
    this.topics = topics;
    this.uploader =
        new Uploader(
            new BucketClient(serviceUrl, apiKey),
            new Uploader.Options(BUCKET, UPLOAD_PARALLELISM, true, 3, Duration.ofSeconds(1)));
    this.consumer = Kafka.consumer(broker, null, 500);
    List<TopicPartition> partitions =
        consumer.partitionsFor(DOCUMENTS).stream()
            .map(p -> new TopicPartition(DOCUMENTS, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.tail = new Thread(this::follow, "documents-tail");
    tail.start();
  }

  /**
   * Uploads a folder under a prefix and waits until every file is published whole or dead-lettered.
   */
  Ingested ingest(Path folder, String prefix) throws IOException {
    long deadLetteredBefore = topics.endOffsets(DEAD_LETTERS);
    UploadPlan plan = UploadPlan.of(List.of(folder), prefix);
    int files = plan.files().size();
    long start = System.nanoTime();
    UploadReport uploaded = uploader.upload(plan, UploadProgress.NONE);
    if (!uploaded.succeeded()) {
      throw new IllegalStateException("uploads failed: " + uploaded.failed());
    }
    long done = 0;
    long lastProgress = System.nanoTime();
    while (true) {
      long deadLettered = topics.endOffsets(DEAD_LETTERS) - deadLetteredBefore;
      long now = complete.stream().filter(name -> name.startsWith(prefix)).count() + deadLettered;
      if (now >= files) {
        return new Ingested(files, deadLettered, (System.nanoTime() - start) / 1e9);
      }
      if (now > done) {
        done = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
        throw new IllegalStateException(
            "ingest-service finished nothing for "
                + STALL.toSeconds()
                + " s, at "
                + done
                + " of "
                + files
                + " documents under "
                + prefix
                + "; see its log");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** Seconds bare Tika takes to extract the plain text of every file in a folder, one by one. */
  double parseWithTika(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.sorted().toList();
    }
    long start = System.nanoTime();
    for (Path file : files) {
      try (InputStream in = TikaInputStream.get(file)) {
        tika.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
      } catch (SAXException | TikaException e) {
        throw new IOException("Tika cannot parse " + file, e);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Counts the sections published per object until every section of a version has been seen. */
  private void follow() {
    while (!closed) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        JsonNode event = EventJson.tree(record.value());
        JsonNode count = event.get("sectionCount");
        if (count == null) {
          continue; // a removal
        }
        String name = event.at("/metadata/objectName").asText();
        if (sectionsSeen.merge(name, 1, Integer::sum) >= count.asInt()) {
          complete.add(name);
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      tail.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
