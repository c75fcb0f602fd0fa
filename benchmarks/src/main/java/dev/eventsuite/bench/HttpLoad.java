package dev.eventsuite.bench;

import java.net.URI;
import java.time.Duration;
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
 * HTTP load from concurrent clients, closed-loop or at a fixed rate, each client a thread with its
 * own kept-alive connection to one server. Every client first makes a tenth as many warm-up calls,
 * which are not measured.
 */
public final class HttpLoad {

  /**
   * What a run measured: per-call latencies, calls per second over all clients, and the CPU time
   * this process (the load generator) spent on each call.
   *
   * @param calls every call made, warm-up calls included
   */
  public record Result(
      Percentiles latency, double callsPerSecond, int calls, Duration loadGeneratorCpu) {

    /** CPU milliseconds the load generator spent on a call. */
    public double loadGeneratorMillisPerCall() {
      return loadGeneratorCpu.toNanos() / 1e6 / calls;
    }
  }

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
      int clients, int calls, Function<Random, HttpConnection.Call> request, int expectedStatus)
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
      Function<Random, HttpConnection.Call> request,
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
      Function<Random, HttpConnection.Call> request,
      int expectedStatus)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      int perClient = calls / clients;
      List<Future<long[]>> results = new ArrayList<>();
      long start = System.nanoTime();
      Duration cpuBefore = CpuTime.self();
      for (int client = 0; client < clients; client++) {
        int id = client;
        Random random = new Random(client);
        results.add(
            pool.submit(() -> loop(perClient, id, schedule, request, random, expectedStatus)));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> result : results) {
        all.add(result.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Duration cpu = CpuTime.self().minus(cpuBefore);
      long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
      // The warm-up calls took part of the elapsed time too: count them.
      int made = clients * (perClient + warmUpCalls(perClient));
      return new Result(new Percentiles(nanos), made / seconds, made, cpu);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The unmeasured calls a client makes before its {@code calls} measured ones. */
  private static int warmUpCalls(int calls) {
    return calls / 10;
  }

  private static long[] loop(
      int calls,
      int client,
      Schedule schedule,
      Function<Random, HttpConnection.Call> request,
      Random random,
      int expectedStatus)
      throws Exception {
    long[] nanos = new long[calls];
    int warmUp = warmUpCalls(calls);
    HttpConnection connection = null;
    try {
      for (int i = -warmUp; i < calls; i++) {
        HttpConnection.Call next = request.apply(random);
        if (connection == null) {
          URI uri = next.uri();
          connection = new HttpConnection(URI.create(uri.getScheme() + "://" + uri.getAuthority()));
        }
        long due = schedule.due(client, i + warmUp);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        HttpConnection.Answer answer = connection.send(next);
        long took = System.nanoTime() - due;
        if (answer.status() != expectedStatus) {
          throw new IllegalStateException(
              next.uri() + " answered " + answer.status() + ": " + answer.text());
        }
        if (i >= 0) {
          nanos[i] = took;
        }
      }
      return nanos;
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
  }
}
