package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer on its own thread: polls, hands records to a {@link StreamHandler}, and at each
 * checkpoint waits for what was published, lets the handler make its effects durable, then commits.
 * A failed checkpoint rewinds to the last commit and retries after a growing pause, so a slow or
 * broken dependency makes the stream lag, never lose records.
 */
public final class StreamLoop {

  private static final Logger LOG = Logger.getLogger(StreamLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  /** Where a loop is in its life. */
  public enum State {
    STARTING,
    RUNNING,
    BACKING_OFF,
    STOPPED,
    FAILED
  }

  private final String name;
  private final List<String> topics;
  private final StreamHandler handler;
  private final KafkaConsumer<String, byte[]> consumer;
  private final EventPublisher publisher;
  private final String service;
  private final Settings settings;
  private final Thread thread;
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private final List<PendingSend> pendingSends = new ArrayList<>();
  private final Output output = new Output();
  private final Counter processed;
  private final Counter deadLettered;
  private final Counter failures;

  private volatile boolean stopping;
  private volatile State state = State.STARTING;
  private volatile String lastError;
  private boolean rewindPending;
  private long lastCheckpointNanos = System.nanoTime();
  private Duration backoff = FIRST_BACKOFF;

  /** How the loop commits, retries and pauses. */
  public record Settings(Duration commitInterval, int maxAttempts, Duration maxBackoff) {}

  StreamLoop(
      String name,
      List<String> topics,
      StreamHandler handler,
      KafkaConsumer<String, byte[]> consumer,
      EventPublisher publisher,
      String service,
      Settings settings,
      MeterRegistry registry) {
    if (!(handler instanceof RecordHandler) && !(handler instanceof BatchHandler)) {
      throw new IllegalArgumentException("a handler is a RecordHandler or a BatchHandler");
    }
    this.name = name;
    this.topics = List.copyOf(topics);
    this.handler = handler;
    this.consumer = consumer;
    this.publisher = publisher;
    this.service = service;
    this.settings = settings;
    this.thread = new Thread(this::run, "stream-" + name);
    this.processed = counter(registry, "processed");
    this.deadLettered = counter(registry, "dead-lettered");
    this.failures =
        Counter.builder("suite.stream.failures")
            .description("Failed checkpoints or batches, each followed by a rewind and retry")
            .tag("loop", name)
            .register(registry);
  }

  private Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("suite.stream.records")
        .description("Records consumed, by outcome")
        .tag("loop", name)
        .tag("outcome", outcome)
        .register(registry);
  }

  public String name() {
    return name;
  }

  public State state() {
    return state;
  }

  /** The last failure's message, or null. */
  public String lastError() {
    return lastError;
  }

  void start() {
    thread.start();
  }

  /** Stops after a last checkpoint, waiting up to the given time. */
  void stop(Duration timeout) {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      consumer.subscribe(topics, new Rebalance());
      state = State.RUNNING;
      while (!stopping) {
        try {
          if (rewindPending) {
            rewindToLastCommit();
          }
          ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
          handle(records);
          if (isCheckpointDue()) {
            checkpoint();
          }
          recovered();
        } catch (WakeupException e) {
          if (!stopping) {
            throw e;
          }
        } catch (RuntimeException e) {
          failed(e);
        }
      }
      lastCheckpointOnStop();
      state = State.STOPPED;
    } catch (RuntimeException e) {
      state = State.FAILED;
      lastError = e.toString();
      LOG.errorf(e, "stream loop %s stopped after an unexpected error", name);
    } finally {
      consumer.close(Duration.ofSeconds(10));
    }
  }

  private void lastCheckpointOnStop() {
    if (rewindPending) {
      return;
    }
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.warnf(e, "%s: the last checkpoint failed; uncommitted records will be replayed", name);
    }
  }

  private void handle(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    if (handler instanceof BatchHandler batch) {
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
      records.forEach(all::add);
      batch.handle(all, output);
      all.forEach(this::markHandled);
    } else {
      for (ConsumerRecord<String, byte[]> record : records) {
        handleWithRetries((RecordHandler) handler, record);
        markHandled(record);
      }
    }
  }

  private void handleWithRetries(
      RecordHandler recordHandler, ConsumerRecord<String, byte[]> record) {
    for (int attempt = 1; ; attempt++) {
      try {
        recordHandler.handle(record, output);
        return;
      } catch (InvalidEventException e) {
        output.deadLetter(record, "invalid-event", e.getMessage());
        return;
      } catch (WakeupException e) {
        throw e;
      } catch (RuntimeException e) {
        if (attempt >= settings.maxAttempts()) {
          LOG.warnf(
              e,
              "%s: %s failed %d times; sending it to the dead-letter topic",
              name,
              position(record),
              attempt);
          output.deadLetter(record, "processing", "processing failed " + attempt + " times: " + e);
          return;
        }
        pause(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
      }
    }
  }

  private void markHandled(ConsumerRecord<String, byte[]> record) {
    uncommitted.put(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1));
    processed.increment();
  }

  private boolean isCheckpointDue() {
    return System.nanoTime() - lastCheckpointNanos >= settings.commitInterval().toNanos();
  }

  /** Makes everything handled durable, then commits its offsets. */
  private void checkpoint() {
    lastCheckpointNanos = System.nanoTime();
    if (uncommitted.isEmpty() && pendingSends.isEmpty()) {
      return;
    }
    awaitSends();
    handler.checkpoint();
    if (!uncommitted.isEmpty()) {
      consumer.commitSync(Map.copyOf(uncommitted));
      uncommitted.clear();
    }
  }

  /**
   * Waits for every send. A record whose output the broker refused for good (too large, invalid)
   * goes to the dead-letter topic; a send that failed after all retries fails the checkpoint.
   */
  private void awaitSends() {
    List<PendingSend> sends = new ArrayList<>(pendingSends);
    pendingSends.clear();
    RuntimeException retriable = null;
    for (PendingSend send : sends) {
      Throwable error = failureOf(send.result());
      if (error == null) {
        continue;
      }
      if (error instanceof RetriableException || send.source() == null) {
        retriable =
            retriable == null
                ? new IllegalStateException("publishing failed: " + error, error)
                : retriable;
      } else {
        output.deadLetter(
            send.source(), "publish-failed", "publishing the result failed: " + error);
      }
    }
    if (retriable != null) {
      pendingSends.clear();
      throw retriable;
    }
    if (!pendingSends.isEmpty()) {
      awaitSends();
    }
  }

  private static Throwable failureOf(CompletableFuture<RecordMetadata> result) {
    try {
      result.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /** After a failure: pause, then rewind to the last commit before polling again. */
  private void failed(RuntimeException error) {
    failures.increment();
    lastError = error.toString();
    state = State.BACKING_OFF;
    LOG.errorf(
        error,
        "%s failed; rewinding to the last commit and retrying in %d ms",
        name,
        backoff.toMillis());
    rewindPending = true;
    pause(backoff);
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
  }

  /** Forgets what was not committed, reloads the handler's state and seeks to the last commit. */
  private void rewindToLastCommit() {
    pendingSends.clear();
    uncommitted.clear();
    Set<TopicPartition> assigned = consumer.assignment();
    handler.partitionsRevoked(assigned);
    rewind(assigned);
    handler.partitionsAssigned(assigned);
    rewindPending = false;
  }

  private void rewind(Set<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
    List<TopicPartition> neverCommitted = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        neverCommitted.add(partition);
      } else {
        consumer.seek(partition, offset);
      }
    }
    consumer.seekToBeginning(neverCommitted);
  }

  private void recovered() {
    if (state == State.BACKING_OFF) {
      LOG.infof("%s recovered", name);
    }
    state = State.RUNNING;
    backoff = FIRST_BACKOFF;
  }

  private void pause(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (!stopping && System.nanoTime() < deadline) {
      try {
        Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String position(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private record PendingSend(
      ConsumerRecord<String, byte[]> source, CompletableFuture<RecordMetadata> result) {}

  private final class Output implements StreamOutput {

    @Override
    public void publish(
        ConsumerRecord<String, byte[]> source,
        String topic,
        String key,
        Object event,
        CloudEvent cloudEvent) {
      pendingSends.add(new PendingSend(source, publisher.publish(topic, key, event, cloudEvent)));
    }

    @Override
    public void deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason) {
      deadLetter(record, errorType, reason, null, null);
    }

    @Override
    public void deadLetter(
        ConsumerRecord<String, byte[]> record,
        String errorType,
        String reason,
        String location,
        byte[] content) {
      ProducerRecord<String, byte[]> letter =
          DeadLetters.of(record, service, errorType, reason, location, content);
      // A dead letter that cannot be written fails the checkpoint: it is never dropped.
      pendingSends.add(new PendingSend(null, publisher.send(letter)));
      deadLettered.increment();
      LOG.debugf("%s: %s dead-lettered (%s): %s", name, position(record), errorType, reason);
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      checkpoint();
      handler.partitionsRevoked(partitions);
      uncommitted.keySet().removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        handler.partitionsAssigned(partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      handler.partitionsRevoked(partitions);
      uncommitted.keySet().removeAll(partitions);
    }
  }
}
