package dev.eventsuite.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Samples a service's heap from its {@code /q/metrics} while a benchmark runs: the heap in use, and
 * the live data left after the last full collection, each with how far the run had got.
 */
public final class HeapSampler implements AutoCloseable {

  private static final String HEAP_USED = "jvm_memory_used_bytes{area=\"heap\"";
  private static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";

  /**
   * One reading.
   *
   * @param progress how far the run had got, 0 to 1
   * @param heapUsed bytes in use on the heap, garbage included
   * @param liveData bytes live after the last collection of the old generation
   */
  public record Sample(double progress, long heapUsed, long liveData) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;
  private final DoubleSupplier progress;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  /**
   * Starts sampling.
   *
   * @param serviceUrl the service's base URL
   * @param progress how far the measured work has got, 0 to 1
   */
  public HeapSampler(String serviceUrl, DoubleSupplier progress, Duration interval) {
    this.metrics = URI.create(serviceUrl + "/q/metrics");
    this.progress = progress;
    timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The samples so far, in order. */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The largest heap in use among the samples taken while progress was in [from, to). */
  public long maxHeapUsed(double from, double to) {
    return samples().stream()
        .filter(s -> s.progress() >= from && s.progress() < to)
        .mapToLong(Sample::heapUsed)
        .max()
        .orElse(0);
  }

  /** The largest live data among the samples taken while progress was in [from, to). */
  public long maxLiveData(double from, double to) {
    return samples().stream()
        .filter(s -> s.progress() >= from && s.progress() < to)
        .mapToLong(Sample::liveData)
        .max()
        .orElse(0);
  }

  private void sample() {
    try {
      double now = progress.getAsDouble();
      String text =
          http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      long heapUsed = 0;
      long liveData = 0;
      for (String line : text.split("\n")) {
        if (line.startsWith(HEAP_USED)) {
          heapUsed += value(line);
        } else if (line.startsWith(LIVE_DATA)) {
          liveData = value(line);
        }
      }
      synchronized (this) {
        samples.add(new Sample(now, heapUsed, liveData));
      }
    } catch (IOException e) {
      // a missed sample: the next one follows shortly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long value(String line) {
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
