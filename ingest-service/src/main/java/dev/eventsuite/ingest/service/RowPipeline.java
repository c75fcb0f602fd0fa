package dev.eventsuite.ingest.service;

import dev.eventsuite.ingest.domain.tabular.Row;
import dev.eventsuite.ingest.domain.tabular.RowReader;
import dev.eventsuite.platform.kafka.PreparedEvent;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads and converts the rows of a tabular object on a thread of its own and hands them over in
 * order, a batch at a time, so reading and parsing one part of a file overlaps publishing the part
 * before. A few batches are buffered at most: memory stays constant whatever the file's size.
 */
final class RowPipeline implements AutoCloseable {

  private static final int BATCH_ROWS = 512;
  private static final int BUFFERED_BATCHES = 8;
  private static final long STOP_TIMEOUT_SECONDS = 30;

  /** What becomes of one row. */
  sealed interface Item permits Publish, Reject {}

  /** A row that became an event. */
  record Publish(PreparedEvent event) implements Item {}

  /** A row that cannot be used, and why. */
  record Reject(long row, String reason, byte[] raw) implements Item {}

  /**
   * Rows in order, with the progress after the last of them.
   *
   * @param rowsDone the number of the last row read, skipped rows included
   * @param rowsHash the SHA-256 of every row read so far; set at progress points and at the end
   * @param last whether the object has no more rows
   */
  record Batch(List<Item> items, long rowsDone, String rowsHash, boolean last) {}

  /** The reading thread's failure, handed over in place of the next batch. */
  private record Failure(Exception error) {}

  private final BlockingQueue<Object> handed = new ArrayBlockingQueue<>(BUFFERED_BATCHES);
  private final Thread reading;
  private volatile boolean closed;

  /**
   * Starts reading.
   *
   * @param skip rows already published, read for the hash but not converted
   * @param progressEvery a batch ends, with the rows' hash, at every multiple of this many rows
   */
  RowPipeline(RowReader rows, Function<Row, Item> convert, long skip, int progressEvery) {
    this.reading = new Thread(() -> read(rows, convert, skip, progressEvery), "tabular-rows");
    reading.setDaemon(true);
    reading.start();
  }

  /**
   * The next batch, waiting for it.
   *
   * @throws IOException when the rows could not be read
   */
  Batch next() throws IOException {
    Object next;
    try {
      next = handed.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading rows", e);
    }
    if (next instanceof Failure failure) {
      if (failure.error() instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) failure.error();
    }
    return (Batch) next;
  }

  private void read(RowReader rows, Function<Row, Item> convert, long skip, int progressEvery) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Item> items = new ArrayList<>(BATCH_ROWS);
      long done = 0;
      for (Row row = rows.next(); row != null && !closed; row = rows.next()) {
        hash(digest, row);
        done = row.number();
        if (done <= skip) {
          continue;
        }
        items.add(convert.apply(row));
        boolean progress = done % progressEvery == 0;
        if (progress || items.size() == BATCH_ROWS) {
          hand(new Batch(items, done, progress ? hash(digest) : null, false));
          items = new ArrayList<>(BATCH_ROWS);
        }
      }
      hand(new Batch(items, done, HexFormat.of().formatHex(digest.digest()), true));
    } catch (IOException | RuntimeException e) {
      hand(new Failure(e));
    } catch (NoSuchAlgorithmException e) {
      hand(new Failure(new IllegalStateException("every JDK provides SHA-256", e)));
    }
  }

  /** Adds a row to the hash of an object's rows: its text and a line break. */
  static void hash(MessageDigest digest, Row row) {
    digest.update(row.raw());
    digest.update((byte) '\n');
  }

  /** Waits for room, unless the pipeline was closed meanwhile. */
  private void hand(Object next) {
    try {
      while (!closed && !handed.offer(next, 100, TimeUnit.MILLISECONDS)) {
        // the publishing side is behind: wait for it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The hash of the rows so far, leaving the running digest to go on. */
  private static String hash(MessageDigest digest) {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  /** Stops reading, whether or not every batch was taken, and waits until it has stopped. */
  @Override
  public void close() {
    closed = true;
    reading.interrupt();
    handed.clear();
    try {
      reading.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
