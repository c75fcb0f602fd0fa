package dev.eventsuite.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Closed-loop HTTP load: each client sends its next request when the previous answer arrives. Every
 * client first makes a tenth as many warm-up calls, which are not measured.
 */
public final class HttpLoad {

  /** What a run measured: per-call latencies and calls per second over all clients. */
  public record Result(Percentiles latency, double callsPerSecond) {}

  private HttpLoad() {}

  /**
   * Runs {@code calls} requests spread over {@code clients} clients.
   *
   * @param request builds the next request from a client's random source
   * @param expectedStatus the status every answer must have
   */
  public static Result run(
      int clients, int calls, Function<Random, HttpRequest> request, int expectedStatus)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      int perClient = calls / clients;
      List<Future<long[]>> results = new ArrayList<>();
      long start = System.nanoTime();
      for (int client = 0; client < clients; client++) {
        Random random = new Random(client);
        results.add(pool.submit(() -> loop(http, perClient, request, random, expectedStatus)));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> result : results) {
        all.add(result.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
      // The warm-up calls took part of the elapsed time too: count them.
      return new Result(new Percentiles(nanos), nanos.length * 1.1 / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] loop(
      HttpClient http,
      int calls,
      Function<Random, HttpRequest> request,
      Random random,
      int expectedStatus)
      throws Exception {
    long[] nanos = new long[calls];
    for (int i = -calls / 10; i < calls; i++) {
      HttpRequest next = request.apply(random);
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(next, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - start;
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(
            next.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      if (i >= 0) {
        nanos[i] = took;
      }
    }
    return nanos;
  }
}
