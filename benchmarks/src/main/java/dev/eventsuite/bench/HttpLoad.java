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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * HTTP load from concurrent clients, closed-loop or at a fixed rate. Every client first makes a
 * tenth as many warm-up calls, which are not measured.
 */
public final class HttpLoad {

  /** What a run measured: per-call latencies and calls per second over all clients. */
  public record Result(Percentiles latency, double callsPerSecond) {}

  /**
   * When a client's n-th call (counting its warm-up calls) is due; its latency counts from then.
   */
  @FunctionalInterface
  private interface Schedule {
    long due(int client, int call);
  }

  private HttpLoad() {}

  /**
   * Closed loop: each client sends its next request when the previous answer arrives, so the
   * throughput is as much as the server gives {@code clients} callers.
   *
   * @param request builds the next request from a client's random source
   * @param expectedStatus the status every answer must have
   */
  public static Result run(
      int clients, int calls, Function<Random, HttpRequest> request, int expectedStatus)
      throws Exception {
    return load(clients, calls, (client, call) -> System.nanoTime(), request, expectedStatus);
  }

  /**
   * Open loop: {@code clients} connections together send {@code perSecond} requests a second on a
   * fixed schedule, each client taking every {@code clients}-th slot. A call's latency counts from
   * its slot, not from when its client got round to sending it, so an answer that keeps a client
   * waiting delays the schedule of none and every queued call's wait is measured.
   */
  public static Result atRate(
      int clients,
      int calls,
      double perSecond,
      Function<Random, HttpRequest> request,
      int expectedStatus)
      throws Exception {
    long start = System.nanoTime() + 10_000_000L;
    double interval = 1e9 / perSecond;
    return load(
        clients,
        calls,
        (client, call) -> start + (long) (((long) call * clients + client) * interval),
        request,
        expectedStatus);
  }

  private static Result load(
      int clients,
      int calls,
      Schedule schedule,
      Function<Random, HttpRequest> request,
      int expectedStatus)
      throws Exception {
    ExecutorService answers = Executors.newFixedThreadPool(clients);
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(answers).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      int perClient = calls / clients;
      List<Future<long[]>> results = new ArrayList<>();
      long start = System.nanoTime();
      for (int client = 0; client < clients; client++) {
        int id = client;
        Random random = new Random(client);
        results.add(
            pool.submit(
                () -> loop(http, perClient, id, schedule, request, random, expectedStatus)));
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
      answers.shutdownNow();
    }
  }

  private static long[] loop(
      HttpClient http,
      int calls,
      int client,
      Schedule schedule,
      Function<Random, HttpRequest> request,
      Random random,
      int expectedStatus)
      throws Exception {
    long[] nanos = new long[calls];
    int warmUp = calls / 10;
    for (int i = -warmUp; i < calls; i++) {
      HttpRequest next = request.apply(random);
      long due = schedule.due(client, i + warmUp);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      HttpResponse<byte[]> response = http.send(next, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - due;
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
