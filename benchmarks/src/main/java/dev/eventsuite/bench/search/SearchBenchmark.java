package dev.eventsuite.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.CpuTime;
import dev.eventsuite.bench.HttpConnection;
import dev.eventsuite.bench.HttpLoad;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.QueryTiming;
import dev.eventsuite.bench.Report;
import dev.eventsuite.bench.Sentences;
import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.StsBenchmark;
import dev.eventsuite.vectors.embedding.OnnxEmbeddingModel;
import dev.eventsuite.vectors.embedding.Vectors;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorWrite;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * search-service over a large embedded index: latency at a fixed rate from concurrent clients and
 * the most those clients get (query embedding included), and recall@10 against exact search, in
 * semantic and hybrid mode.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Latency, throughput and recall of search-service over a large index.")
public final class SearchBenchmark implements Callable<Integer> {

  private static final int K = 10;
  private static final int FUSION_DEPTH = 50;

  /** search-service's reciprocal rank fusion constant, {@code suite.search.rrf-k}. */
  public static final int SERVED_RRF_K = 10;

  private static final int WRITE_BATCH = 1000;
  private static final String COLLECTION = "bench";

  /**
   * search-service with the model asked for; the benchmark measures how much it answers, not its
   * limit per API key.
   */
  private static Map<Component, Map<String, String>> settings(OnnxEmbeddingModel.Variant model) {
    return Map.of(
        Component.SEARCH,
        Map.of(
            "suite.search.rate-limit.requests-per-second", "1000000",
            "suite.search.rate-limit.burst", "1000000",
            "suite.vectors.model.name", model.id()));
  }

  /** The model search-service embeds queries with unless configured otherwise. */
  private static final OnnxEmbeddingModel.Variant DEFAULT_MODEL =
      OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_INT8;

  @Option(
      names = "--chunks",
      defaultValue = "100000",
      description = "Chunks in the index (default ${DEFAULT-VALUE}).")
  int chunks;

  @Option(
      names = "--clients",
      defaultValue = "8",
      description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description =
          "Timed queries per mode and load, each a different text (default ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--rate",
      defaultValue = "150",
      description = "Queries per second the clients send together (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--recall-queries",
      defaultValue = "300",
      description =
          "Queries whose results are checked against exact search (default ${DEFAULT-VALUE}).")
  int recallQueries;

  @Option(
      names = "--model",
      defaultValue = "bge-small-en-v15-int8",
      description =
          "The in-process model search-service embeds queries with and the index is built with"
              + " (default ${DEFAULT-VALUE}).")
  String modelName;

  @Option(
      names = "--datasets",
      description = "The folder holding stsb/ (default: ../shared/datasets beside the checkout).")
  Path datasets;

  private static final String DEFAULT_REPORT = "docs/benchmarks/search.md";

  @Option(
      names = "--report",
      defaultValue = DEFAULT_REPORT,
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /**
   * A mode's measurements: search-service's CPU per query in each warm-up round at the rate, the
   * clients at the rate, the clients as fast as they get answers, one client, and recall.
   */
  record ModeResult(
      String mode,
      List<Double> warmUpRounds,
      Measured atRate,
      Measured closedLoop,
      Measured alone,
      double recall) {}

  /** A load's result, and the CPU milliseconds search-service spent on each of its calls. */
  record Measured(HttpLoad.Result load, double serviceMillisPerCall) {}

  private static final int ALONE_QUERIES = 200;
  private static final int WARM_UP_QUERIES = 10_000;
  private static final int WARM_UP_ROUND_SECONDS = 10;
  private static final int WARM_UP_ROUNDS = 6;

  @Override
  public Integer call() throws Exception {
    Path data = datasets != null ? datasets : BenchCli.home().resolve("../shared/datasets");
    List<String> sentences = Sentences.load(data);
    List<String> questions = questions(data);
    if (questions.size() < recallQueries + (2 * queries + ALONE_QUERIES) * 2.2) {
      throw new IllegalArgumentException(
          "only " + questions.size() + " distinct query texts; ask for fewer --queries");
    }
    OnnxEmbeddingModel.Variant variant = OnnxEmbeddingModel.Variant.of(modelName);
    OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);
    double embedMillis =
        QueryTiming.millisPerQuery(
            variant, questions.subList(questions.size() - 400, questions.size()), 100);
    System.out.printf("one query embedded on one thread: %.2f ms%n", embedMillis);
    System.out.printf("embedding %,d sentences for the index%n", sentences.size());
    List<float[]> sentenceVectors = new ArrayList<>();
    for (int from = 0; from < sentences.size(); from += 256) {
      sentenceVectors.addAll(
          model.embed(sentences.subList(from, Math.min(sentences.size(), from + 256))));
    }
    try (BenchSuite bench =
        new BenchSuite(
            BenchCli.home(), List.of(Component.SEARCH), 1, settings(variant), System.out)) {
      RunningSuite suite = bench.suite();
      String url = suite.url(Component.SEARCH);
      String key = suite.apiKey();
      Path folder = suite.dataDir().root().resolve("vectors");
      float[][] vectors;
      Build build;
      try (LuceneVectorStore store = LuceneVectorStore.writable(folder, 100)) {
        long writeStart = System.nanoTime();
        vectors = writeIndex(store, sentences, sentenceVectors, model);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        int segments = store.segments();
        System.out.printf(
            "wrote %,d chunks in %.0f s, %d segments%n", chunks, writeSeconds, segments);
        long mergeStart = System.nanoTime();
        store.merge(1);
        build = new Build(writeSeconds, segments, (System.nanoTime() - mergeStart) / 1e9);
        System.out.printf("merged into one segment in %.0f s%n", build.mergeSeconds());
      }
      try (HttpConnection searches = new HttpConnection(URI.create(url))) {
        awaitChunks(searches, url, key);
        // The index build leaves this JVM's heap full of garbage the loads should not collect.
        System.gc();
        long servicePid = suite.record(Component.SEARCH).pid();
        Supplier<String> warmUpTexts = warmUpTexts(sentences);
        List<String> recallSample = questions.subList(0, recallQueries);
        AtomicInteger next = new AtomicInteger(recallQueries);
        List<ModeResult> results = new ArrayList<>();
        for (String mode : List.of("semantic", "hybrid")) {
          double recall = recall(searches, url, key, mode, recallSample, model, vectors);
          List<Double> warmUp =
              warmUp(servicePid, random -> searchCall(url, key, warmUpTexts.get(), mode));
          Function<Random, HttpConnection.Call> nextQuery =
              random -> searchCall(url, key, questions.get(next.getAndIncrement()), mode);
          Measured atRate =
              measure(servicePid, () -> HttpLoad.atRate(clients, queries, rate, nextQuery, 200));
          Measured closedLoop =
              measure(servicePid, () -> HttpLoad.run(clients, queries, nextQuery, 200));
          Measured alone =
              measure(servicePid, () -> HttpLoad.run(1, ALONE_QUERIES, nextQuery, 200));
          System.out.printf(
              "%s at %.0f/s: p50 %.1f ms, p99 %.1f ms; closed loop %.0f queries/s; recall@10 %.3f%n",
              mode,
              atRate.load().callsPerSecond(),
              atRate.load().latency().millis(0.5),
              atRate.load().latency().millis(0.99),
              closedLoop.load().callsPerSecond(),
              recall);
          results.add(new ModeResult(mode, warmUp, atRate, closedLoop, alone, recall));
        }
        report(results, build, sentences.size(), embedMillis, variant).write(reportFile);
        System.out.println("report written to " + reportFile);
      }
    }
    return 0;
  }

  private static Measured measure(long servicePid, Callable<HttpLoad.Result> load)
      throws Exception {
    Duration before = CpuTime.of(List.of(servicePid));
    HttpLoad.Result result = load.call();
    Duration used = CpuTime.of(List.of(servicePid)).minus(before);
    return new Measured(result, used.toNanos() / 1e6 / result.calls());
  }

  /** How the index was built: writing, the segments written, and merging them into one. */
  record Build(double writeSeconds, int segments, double mergeSeconds) {}

  /** Distinct sentences of the STS Benchmark's test and dev splits: none is in the index. */
  private static List<String> questions(Path data) {
    Set<String> texts = new LinkedHashSet<>();
    for (String split : List.of("test", "dev")) {
      for (StsBenchmark.Pair pair :
          StsBenchmark.read(data.resolve("stsb/original/sts-" + split + ".csv"))) {
        texts.add(pair.first());
        texts.add(pair.second());
      }
    }
    List<String> shuffled = new ArrayList<>(texts);
    java.util.Collections.shuffle(shuffled, new Random(7));
    return shuffled;
  }

  /**
   * Writes the index as embed-service does. Each chunk is two sentences drawn at random; its vector
   * is the normalised sum of the two sentences' embeddings, which stands close to the embedding of
   * the pair and keeps the index build within minutes.
   */
  private float[][] writeIndex(
      LuceneVectorStore store,
      List<String> sentences,
      List<float[]> sentenceVectors,
      OnnxEmbeddingModel model) {
    Random random = new Random(42);
    float[][] vectors = new float[chunks][];
    String[] categories = {"runbooks", "faq", "reports", "notes", "mail"};
    Instant now = Instant.now();
    List<VectorWrite> batch = new ArrayList<>(WRITE_BATCH);
    for (int i = 0; i < chunks; i++) {
      int a = random.nextInt(sentences.size());
      int b = random.nextInt(sentences.size());
      String text = sentences.get(a) + " " + sentences.get(b);
      float[] sum = new float[sentenceVectors.get(a).length];
      for (int d = 0; d < sum.length; d++) {
        sum[d] = sentenceVectors.get(a)[d] + sentenceVectors.get(b)[d];
      }
      vectors[i] = Vectors.normalised(sum);
      Instant created = now.minus(Duration.ofMinutes(random.nextInt(525_600)));
      String documentId = "doc-" + (i / 10);
      batch.add(
          new VectorWrite.Upsert(
              new StoredChunk(
                  documentId + ":v1:0:" + (i % 10),
                  COLLECTION,
                  documentId,
                  "v1",
                  0,
                  i % 10,
                  text,
                  ContentHash.of(text),
                  "Document " + (i / 10),
                  categories[random.nextInt(categories.length)],
                  COLLECTION + "/" + documentId + ".txt",
                  "text/plain",
                  "en",
                  created,
                  created,
                  Map.of(),
                  model.info().key(),
                  vectors[i])));
      if (batch.size() == WRITE_BATCH) {
        store.apply(batch);
        batch.clear();
      }
    }
    store.apply(batch);
    store.commit();
    return vectors;
  }

  /**
   * Warms search-service up in one mode: first {@value #WARM_UP_QUERIES} queries as fast as the
   * clients get answers, so that its code runs often enough to be compiled, then {@value
   * #WARM_UP_ROUNDS} rounds of {@value #WARM_UP_ROUND_SECONDS} seconds at the rate. Under full load
   * the JIT compiler shares the two cores with the busy request threads and falls behind; it
   * catches up only once the load leaves it room.
   *
   * @return the CPU milliseconds search-service spent per query in each round at the rate
   */
  private List<Double> warmUp(long servicePid, Function<Random, HttpConnection.Call> call)
      throws Exception {
    HttpLoad.run(clients, WARM_UP_QUERIES, call, 200);
    int roundQueries = (int) (rate * WARM_UP_ROUND_SECONDS);
    List<Double> rounds = new ArrayList<>();
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      rounds.add(
          measure(servicePid, () -> HttpLoad.atRate(clients, roundQueries, rate, call, 200))
              .serviceMillisPerCall());
    }
    return rounds;
  }

  /**
   * Warm-up texts from the index, each asked once so that no cache answers it, and all of one shape
   * so that rounds compare: pairs of sentences, twice as long as a timed query.
   */
  private static Supplier<String> warmUpTexts(List<String> sentences) {
    AtomicInteger next = new AtomicInteger();
    return () -> {
      int n = next.getAndIncrement();
      int first = n % sentences.size();
      int second = (first + 1 + n / sentences.size()) % sentences.size();
      return sentences.get(first) + " " + sentences.get(second);
    };
  }

  private void awaitChunks(HttpConnection service, String url, String key) throws Exception {
    HttpConnection.Call collections =
        HttpConnection.Call.get(url + "/api/v1/collections", Map.of("X-API-Key", key));
    for (int attempt = 0; attempt < 600; attempt++) {
      for (JsonNode collection : EventJson.tree(service.send(collections).body())) {
        if (collection.path("chunks").asLong() == chunks) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("search-service never saw the " + chunks + " chunks");
  }

  private static HttpConnection.Call searchCall(String url, String key, String query, String mode) {
    return searchCall(url, key, query, mode, K);
  }

  private static HttpConnection.Call searchCall(
      String url, String key, String query, String mode, int k) {
    return HttpConnection.Call.get(
        url
            + "/api/v1/search?k="
            + k
            + "&mode="
            + mode
            + "&q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8),
        Map.of("X-API-Key", key));
  }

  private static List<String> search(
      HttpConnection service, String url, String key, String query, String mode, int k)
      throws Exception {
    HttpConnection.Answer answer = service.send(searchCall(url, key, query, mode, k));
    List<String> ids = new ArrayList<>();
    for (JsonNode result : EventJson.tree(answer.body()).path("results")) {
      ids.add(result.path("chunkId").asText());
    }
    return ids;
  }

  /**
   * The share of the exact top 10 the service returns. Exact semantic search compares the query's
   * embedding (the same model, in this process) with every vector; exact hybrid fuses that exact
   * list with the service's keyword list (BM25 is exact) as the service fuses.
   */
  private double recall(
      HttpConnection service,
      String url,
      String key,
      String mode,
      List<String> sample,
      OnnxEmbeddingModel model,
      float[][] vectors)
      throws Exception {
    int found = 0;
    int expected = 0;
    for (String query : sample) {
      List<String> exactSemantic =
          exactNearest(model.embedQueries(List.of(query)).get(0), vectors, FUSION_DEPTH);
      List<String> exact =
          mode.equals("semantic")
              ? exactSemantic.subList(0, K)
              : fuse(exactSemantic, search(service, url, key, query, "keyword", FUSION_DEPTH));
      Set<String> served = new HashSet<>(search(service, url, key, query, mode, K));
      for (String id : exact) {
        if (served.contains(id)) {
          found++;
        }
      }
      expected += exact.size();
    }
    return found / (double) expected;
  }

  private static List<String> exactNearest(float[] query, float[][] vectors, int k) {
    int[] best = new int[k];
    double[] scores = new double[k];
    java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.length; i++) {
      double dot = 0;
      float[] v = vectors[i];
      for (int d = 0; d < v.length; d++) {
        dot += v[d] * query[d];
      }
      if (dot > scores[k - 1]) {
        int at = k - 1;
        while (at > 0 && scores[at - 1] < dot) {
          scores[at] = scores[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        scores[at] = dot;
        best[at] = i;
      }
    }
    List<String> ids = new ArrayList<>(k);
    for (int i : best) {
      ids.add("doc-" + (i / 10) + ":v1:0:" + (i % 10));
    }
    return ids;
  }

  /** Reciprocal rank fusion of two ranked lists, as search-service fuses them; the top 10. */
  private static List<String> fuse(List<String> semantic, List<String> keyword) {
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < semantic.size(); i++) {
      scores.merge(semantic.get(i), 1.0 / (SERVED_RRF_K + i + 1), Double::sum);
    }
    for (int i = 0; i < keyword.size(); i++) {
      scores.merge(keyword.get(i), 1.0 / (SERVED_RRF_K + i + 1), Double::sum);
    }
    return scores.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(K)
        .map(Map.Entry::getKey)
        .toList();
  }

  private Report report(
      List<ModeResult> results,
      Build build,
      int sentences,
      double embedMillis,
      OnnxEmbeddingModel.Variant model) {
    String command =
        String.format(
            Locale.ROOT,
            "bin/bench search --chunks %d --clients %d --queries %d --rate %.0f --recall-queries %d%s%s",
            chunks,
            clients,
            queries,
            rate,
            recallQueries,
            model == DEFAULT_MODEL ? "" : " --model " + model.id(),
            reportFile.equals(Path.of(DEFAULT_REPORT)) ? "" : " --report " + reportFile);
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "mode",
            "load",
            "queries/s",
            "p50",
            "p99",
            "max",
            "CPU ms/query: service",
            "load generator",
            "recall@10",
            "targets (at the rate)"));
    for (ModeResult result : results) {
      rows.add(
          row(
              result.mode(),
              "**" + clients + " clients, " + Percentiles.format(rate, 0) + "/s**",
              result.atRate(),
              Percentiles.format(result.recall(), 3),
              "≥ 150/s, p50 ≤ 15 ms, p99 ≤ 50 ms, recall ≥ 0.95"));
      rows.add(row(result.mode(), clients + " clients, closed loop", result.closedLoop(), "", ""));
      rows.add(row(result.mode(), "1 client, closed loop", result.alone(), "", ""));
    }
    return new Report("search-service benchmark", command)
        .paragraph(
            "search-service runs as the local suite runs it, in its own JVM (-Xmx"
                + Component.SEARCH.maxHeap()
                + ") with "
                + (model == DEFAULT_MODEL ? "its default model (" : "the model (")
                + model.id()
                + "), reading the embedded Lucene index; the load generator is a second JVM on the"
                + " same two cores.")
        .heading("The index")
        .paragraph(
            String.format(
                Locale.ROOT,
                "%,d chunks, each two sentences drawn at random from the %,d distinct sentences of the "
                    + "STS Benchmark's training split, written by the store embed-service uses, in "
                    + "batches of %,d, in %.0f s (%d segments), then merged into one segment in %.0f "
                    + "s, as embed-service merges the index once no chunk has come for "
                    + "`suite.vectors.lucene.merge-when-idle`. A chunk's vector is the normalised sum "
                    + "of its two sentences' embeddings, which lies close to the embedding of the pair "
                    + "and keeps the build within minutes instead of the hours 100,000 model runs take "
                    + "on two cores.",
                chunks,
                sentences,
                WRITE_BATCH,
                build.writeSeconds(),
                build.segments(),
                build.mergeSeconds()))
        .heading("Queries")
        .paragraph(
            String.format(
                Locale.ROOT,
                "Before a mode's timed loads, search-service is warmed up in that mode with pairs "
                    + "of sentences from the index, each pair asked once: %,d queries as fast as %d "
                    + "clients get answers, so that its code runs often enough to be compiled, then "
                    + "%d rounds of %d s at the rate (its CPU per query in each round is listed under "
                    + "the table), as in a service that has been up a while. Under full load the JIT "
                    + "compiler shares the two cores with the busy request threads and falls behind, "
                    + "and catches up only once the load leaves it room: without the rounds at the "
                    + "rate, the first timed load paid for the compiling. Each timed query is a "
                    + "different sentence of the STS Benchmark's test and dev splits (none is in "
                    + "the index), so neither the query-embedding cache nor the result "
                    + "cache answers it: every query is embedded by the model in search-service. "
                    + "Clients send `GET /api/v1/search?k=%d&mode=...&q=...` over HTTP/1.1, each a "
                    + "thread of the load generator with its own kept-alive connection that writes the "
                    + "request and reads the answer and does nothing else, so that the load generator "
                    + "leaves the two cores to the service, in three loads per mode, each after a "
                    + "tenth as many warm-up queries: %d clients sending %.0f queries a second "
                    + "together on a fixed schedule (%,d queries; a query's latency counts from its slot in the schedule, "
                    + "so time spent queued behind a slow answer is measured, not hidden); the same "
                    + "clients each sending its next query as soon as its last answer arrives (%,d "
                    + "queries: the most they get, and the latency at full load, which is about the "
                    + "clients over the throughput); one client alone (%d queries). Recall@10 is "
                    + "measured on %d other queries against exact search: the query embedded by the "
                    + "same model in the load generator and compared with every vector; for hybrid, "
                    + "that exact list fused with the service's BM25 list (which is exact) as the "
                    + "service fuses (reciprocal rank, k = %d, %d from each list).",
                WARM_UP_QUERIES,
                clients,
                WARM_UP_ROUNDS,
                WARM_UP_ROUND_SECONDS,
                K,
                clients,
                rate,
                queries,
                queries,
                ALONE_QUERIES,
                recallQueries,
                SERVED_RRF_K,
                FUSION_DEPTH))
        .table(rows)
        .paragraph(warmUpRounds(results))
        .paragraph(
            String.format(
                Locale.ROOT,
                "CPU ms/query is the CPU time each process used during a load, warm-up included, "
                    + "over the queries sent: two cores give 2,000 ms a second to share between them. "
                    + "Embedding one query takes %.1f ms of one core here (the model on one thread, "
                    + "measured in the load generator in the same run). The 32-bit builds of the models "
                    + "take two to three times as long (see the [embed-service benchmark](embed.md)), "
                    + "and an index left in many segments makes each search walk each segment's "
                    + "graph.",
                embedMillis));
  }

  private static String warmUpRounds(List<ModeResult> results) {
    List<String> modes = new ArrayList<>();
    for (ModeResult result : results) {
      modes.add(
          result.mode()
              + " "
              + String.join(
                  ", ",
                  result.warmUpRounds().stream().map(ms -> Percentiles.format(ms, 2)).toList()));
    }
    return "search-service's CPU ms/query in the warm-up rounds at the rate (texts twice as long as "
        + "the timed ones): "
        + String.join("; ", modes)
        + ".";
  }

  private static List<String> row(
      String mode, String load, Measured measured, String recall, String targets) {
    HttpLoad.Result result = measured.load();
    Percentiles latency = result.latency();
    return List.of(
        mode,
        load,
        Percentiles.format(result.callsPerSecond(), 0),
        Percentiles.format(latency.millis(0.5), 1) + " ms",
        Percentiles.format(latency.millis(0.99), 1) + " ms",
        Percentiles.format(latency.maxMillis(), 1) + " ms",
        Percentiles.format(measured.serviceMillisPerCall(), 2),
        Percentiles.format(result.loadGeneratorMillisPerCall(), 2),
        recall,
        targets);
  }
}
