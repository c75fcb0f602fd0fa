package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.platform.store.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
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

  /** How often a loop whose worker handles long records polls to stay in its group. */
  private static final Duration KEEP_ALIVE = Duration.ofMillis(500);

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

  /** Handles long records while the loop's thread keeps polling; null without long records. */
  private final ExecutorService worker;

  /** The long records being handled now; read by the rebalance callbacks on the loop's thread. */
  private Future<?> working;

  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

  /** Assigned partitions still replaying, with the end offset they had when assigned. */
  private final Map<TopicPartition, Long> catchingUp = new HashMap<>();

  private final Queue<FailedSend> failedSends = new ConcurrentLinkedQueue<>();
  private final Output output = new Output();
  private final Acknowledgements acknowledgements = new Acknowledgements();
  private final Counter processed;
  private final Counter deadLettered;
  private final Counter failures;

  private volatile boolean stopping;
  private volatile State state = State.STARTING;
  private volatile String lastError;
  private boolean rewindPending;
  private boolean unflushed;
  private InFlightCheckpoint inFlight;
  private long lastCheckpointNanos = System.nanoTime();
  private Duration backoff = FIRST_BACKOFF;

  /**
   * How the loop commits, retries and pauses.
   *
   * @param longRecords whether records are handled on a worker while the loop keeps polling (see
   *     {@link LoopOptions#longRecords()})
   */
  public record Settings(
      Duration commitInterval, int maxAttempts, Duration maxBackoff, boolean longRecords) {}

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
    this.worker =
        settings.longRecords()
            ? Executors.newSingleThreadExecutor(r -> new Thread(r, "stream-" + name + "-worker"))
            : null;
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
          commitFinishedCheckpoint(false);
          ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
          handle(records);
          reportCaughtUp(false);
          if (isCheckpointDue()) {
            startCheckpoint();
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
      if (worker != null) {
        worker.shutdownNow();
      }
      consumer.close(Duration.ofSeconds(10));
    }
  }

  private void lastCheckpointOnStop() {
    if (rewindPending) {
      return;
    }
    try {
      checkpointNow();
    } catch (RuntimeException e) {
      LOG.warnf(e, "%s: the last checkpoint failed; uncommitted records will be replayed", name);
    }
  }

  private void handle(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    if (worker == null) {
      handleNow(records);
    } else {
      handleAside(records);
    }
  }

  private void handleNow(ConsumerRecords<String, byte[]> records) {
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

  /**
   * Handles records on the worker while this thread polls every {@link #KEEP_ALIVE} with every
   * partition paused: the group sees a live consumer however long the records take. Records a
   * partition assigned meanwhile returns are sought back to, to be polled once the work is done.
   */
  private void handleAside(ConsumerRecords<String, byte[]> records) {
    Future<?> work = worker.submit(() -> handleNow(records));
    working = work;
    try {
      while (!finished(work)) {
        consumer.pause(consumer.assignment());
        try {
          seekBack(consumer.poll(Duration.ZERO));
        } catch (WakeupException e) {
          if (!stopping) {
            throw e;
          }
          // Stopping: the work finishes first, so the last checkpoint covers it.
        }
      }
    } finally {
      working = null;
      consumer.resume(consumer.paused());
    }
    awaitWork(work);
  }

  /** Whether the work is done, after waiting up to {@link #KEEP_ALIVE} for it. */
  private static boolean finished(Future<?> work) {
    try {
      work.get(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while records were handled", e);
    }
  }

  /** Waits for the work and fails as it failed. */
  private static void awaitWork(Future<?> work) {
    try {
      work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("handling records failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while records were handled", e);
    }
  }

  private void seekBack(ConsumerRecords<String, byte[]> polled) {
    for (TopicPartition partition : polled.partitions()) {
      consumer.seek(partition, polled.records(partition).get(0).offset());
    }
  }

  /** In a rebalance callback: lets the records being handled finish before state moves. */
  private void awaitWorking() {
    Future<?> work = working;
    if (work != null) {
      try {
        awaitWork(work);
      } catch (RuntimeException e) {
        // The loop's thread sees the failure when the callback returns and rewinds.
        LOG.debugf("%s: records handled during a rebalance failed: %s", name, e);
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
        if (StoreUnavailableException.isCause(e)) {
          // Not the record's fault: the loop backs off and replays it once the store is back.
          throw e;
        }
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

  /**
   * Starts making everything handled so far durable; its offsets are committed once the handler's
   * checkpoint completes. A checkpoint still in flight is finished first.
   */
  private void startCheckpoint() {
    lastCheckpointNanos = System.nanoTime();
    commitFinishedCheckpoint(true);
    if (uncommitted.isEmpty() && !unflushed) {
      return;
    }
    awaitSends();
    CompletableFuture<Void> durable = handler.checkpoint().toCompletableFuture();
    inFlight = new InFlightCheckpoint(durable, Map.copyOf(uncommitted));
    uncommitted.clear();
  }

  /** Checkpoints and commits everything handled, waiting for it: before a rebalance or a stop. */
  private void checkpointNow() {
    startCheckpoint();
    commitFinishedCheckpoint(true);
  }

  /**
   * Commits the offsets of the checkpoint in flight once it is durable; with {@code wait}, waits
   * for it. A failed checkpoint fails the loop, which rewinds.
   */
  private void commitFinishedCheckpoint(boolean wait) {
    InFlightCheckpoint checkpoint = inFlight;
    if (checkpoint == null || (!wait && !checkpoint.durable().isDone())) {
      return;
    }
    inFlight = null;
    try {
      checkpoint.durable().join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the checkpoint failed: " + e.getCause(), e.getCause());
    }
    if (!checkpoint.offsets().isEmpty()) {
      consumer.commitSync(checkpoint.offsets());
    }
  }

  /**
   * Waits until everything sent so far is acknowledged or has failed. A record whose output the
   * broker refused for good (too large, invalid) goes to the dead-letter topic; a send that failed
   * after all retries, or a dead letter that could not be written, fails the checkpoint.
   */
  private void awaitSends() {
    while (unflushed) {
      unflushed = false;
      publisher.flush();
      FailedSend failed;
      while ((failed = failedSends.poll()) != null) {
        if (failed.error() instanceof RetriableException || failed.source() == null) {
          failedSends.clear();
          throw new IllegalStateException("publishing failed: " + failed.error(), failed.error());
        }
        output.deadLetter(
            failed.source(), "publish-failed", "publishing the result failed: " + failed.error());
      }
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
    if (inFlight != null) {
      // Let a write still running land before state is reloaded from the store.
      inFlight.durable().handle((done, error) -> null).join();
      inFlight = null;
    }
    failedSends.clear();
    uncommitted.clear();
    Set<TopicPartition> assigned = consumer.assignment();
    handler.partitionsRevoked(assigned);
    rewind(assigned);
    handler.partitionsAssigned(assigned);
    startCatchingUp(assigned);
    rewindPending = false;
  }

  /**
   * Notes where each partition ended when it was assigned: until the loop has handled that far, its
   * state is being rebuilt. Partitions already there are reported at once.
   */
  private void startCatchingUp(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      catchingUp.putAll(consumer.endOffsets(partitions));
    }
    reportCaughtUp(true);
  }

  /** Tells the handler which partitions have caught up since it was last told. */
  private void reportCaughtUp(boolean evenIfNone) {
    if (catchingUp.isEmpty() && !evenIfNone) {
      return;
    }
    List<TopicPartition> current = new ArrayList<>();
    catchingUp
        .entrySet()
        .removeIf(
            end -> {
              boolean there = consumer.position(end.getKey()) >= end.getValue();
              if (there) {
                current.add(end.getKey());
              }
              return there;
            });
    if (!current.isEmpty() || evenIfNone) {
      handler.partitionsCaughtUp(current);
    }
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

  private record InFlightCheckpoint(
      CompletableFuture<Void> durable, Map<TopicPartition, OffsetAndMetadata> offsets) {}

  /** A send the broker did not acknowledge; the source is null for a dead letter. */
  private record FailedSend(ConsumerRecord<String, byte[]> source, Exception error) {}

  /** Remembers a failed send, on the producer's thread, for the next checkpoint to handle. */
  private Callback failureRecorder(ConsumerRecord<String, byte[]> source) {
    return acknowledgements.track(
        (metadata, error) -> {
          if (error != null) {
            failedSends.add(new FailedSend(source, error));
          }
        });
  }

  private final class Output implements StreamOutput {

    @Override
    public void flush() {
      awaitSends();
    }

    @Override
    public CompletionStage<Void> acknowledged() {
      return acknowledgements.mark();
    }

    @Override
    public void publish(
        ConsumerRecord<String, byte[]> source,
        String topic,
        String key,
        Object event,
        CloudEvent cloudEvent) {
      publish(source, PreparedEvent.of(topic, key, event, cloudEvent));
    }

    @Override
    public void publish(ConsumerRecord<String, byte[]> source, PreparedEvent event) {
      unflushed = true;
      publisher.send(event.record(), failureRecorder(source));
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
      unflushed = true;
      publisher.send(letter, failureRecorder(null));
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
      awaitWorking();
      checkpointNow();
      handler.partitionsRevoked(partitions);
      uncommitted.keySet().removeAll(partitions);
      catchingUp.keySet().removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        handler.partitionsAssigned(partitions);
      }
      startCatchingUp(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      awaitWorking();
      handler.partitionsRevoked(partitions);
      uncommitted.keySet().removeAll(partitions);
      catchingUp.keySet().removeAll(partitions);
    }
  }
}
