package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.upload.UploadProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload's progress on the terminal: one line redrawn in place, or, when the output is not a
 * terminal (a log, a pipe), a plain line now and then.
 */
final class ProgressBar implements UploadProgress {

  private static final int WIDTH = 30;
  private static final Duration TERMINAL_REFRESH = Duration.ofMillis(200);
  private static final Duration LOG_REFRESH = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean terminal;
  private final AtomicLong doneBytes = new AtomicLong();
  private final AtomicInteger doneFiles = new AtomicInteger();
  private ScheduledExecutorService ticker;
  private int files;
  private long bytes;
  private long startNanos;

  ProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void start(int fileCount, long byteCount) {
    this.files = fileCount;
    this.bytes = byteCount;
    this.startNanos = System.nanoTime();
    Duration refresh = terminal ? TERMINAL_REFRESH : LOG_REFRESH;
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "upload-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        this::draw, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void bytes(long count) {
    doneBytes.addAndGet(count);
  }

  @Override
  public void fileDone(long remainingBytes) {
    doneBytes.addAndGet(remainingBytes);
    doneFiles.incrementAndGet();
  }

  @Override
  public void finish() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    draw();
    if (terminal) {
      out.println();
    }
  }

  private synchronized void draw() {
    long done = Math.min(doneBytes.get(), bytes);
    double fraction = bytes == 0 ? 1 : (double) done / bytes;
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    int filled = (int) Math.round(fraction * WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "%3d%% [%s%s] %d/%d files  %s/%s  %s/s",
            (int) Math.floor(fraction * 100),
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            doneFiles.get(),
            files,
            Sizes.human(done),
            Sizes.human(bytes),
            Sizes.human((long) (done / seconds)));
    if (terminal) {
      out.print("\r" + line + "  ");
    } else {
      out.println(line);
    }
    out.flush();
  }
}
