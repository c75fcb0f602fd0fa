package dev.eventsuite.bench.embed;

import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.Kafka;
import dev.eventsuite.bench.Metrics;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.QueryTiming;
import dev.eventsuite.bench.Report;
import dev.eventsuite.bench.Sentences;
import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.ChunkPrepared;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.testing.StsBenchmark;
import dev.eventsuite.vectors.embedding.OnnxEmbeddingModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * embed-service's stream throughput against the raw in-process ONNX throughput of the same model
 * (its default, the int8 build), the cache on re-sent chunks, and both builds' speed on chunks and
 * on single queries with their STS Benchmark scores.
 */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = "Stream embedding throughput against raw ONNX, the cache, and the model builds.")
public final class EmbedBenchmark implements Callable<Integer> {

  private static final String STORED = "suite_embed_chunks_stored_total";
  private static final int CHUNKS_PER_DOCUMENT = 8;
  private static final int BATCH = 64;
  private static final int WARM_UP = 256;
  private static final int QUERIES = 500;
  private static final int WARM_UP_QUERIES = 100;

  /** The build embed-service runs unless configured otherwise. */
  private static final OnnxEmbeddingModel.Variant SERVICE_MODEL =
      OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_INT8;

  @Option(
      names = "--chunks",
      defaultValue = "2000",
      description = "Chunks streamed through embed-service (default ${DEFAULT-VALUE}).")
  int chunks;

  @Option(
      names = "--chunk-chars",
      defaultValue = "900",
      description =
          "Characters per chunk, about a full 250-token chunk (default ${DEFAULT-VALUE}).")
  int chunkChars;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions per topic (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--datasets",
      description = "The folder holding stsb/ (default: ../shared/datasets beside the checkout).")
  Path datasets;

  @Option(
      names = "--report",
      defaultValue = "docs/benchmarks/embed.md",
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /** A rate: how many texts in how long. */
  record Rate(int texts, double seconds) {
    double perSecond() {
      return texts / seconds;
    }
  }

  /** A model variant's raw speed on chunks and on single queries, and its quality. */
  record Variant(
      OnnxEmbeddingModel.Variant variant, Rate raw, double queryMillis, double spearman) {}

  @Override
  public Integer call() throws Exception {
    Path data = datasets != null ? datasets : BenchCli.home().resolve("../shared/datasets");
    List<String> texts = chunkTexts(Sentences.load(data), WARM_UP + chunks);
    List<StsBenchmark.Pair> sts = StsBenchmark.read(data.resolve("stsb/original/sts-test.csv"));
    try (BenchSuite bench =
        new BenchSuite(BenchCli.home(), List.of(Component.EMBED), partitions, System.out)) {
      RunningSuite suite = bench.suite();
      List<String> measured = texts.subList(WARM_UP, texts.size());

      List<String> queries = sts.stream().map(StsBenchmark.Pair::first).distinct().toList();
      List<Variant> variants = new ArrayList<>();
      for (OnnxEmbeddingModel.Variant variant : OnnxEmbeddingModel.Variant.values()) {
        OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);
        raw(model, texts.subList(0, WARM_UP));
        Rate raw = raw(model, measured);
        double queryMillis =
            QueryTiming.millisPerQuery(
                variant, queries.subList(0, QUERIES + WARM_UP_QUERIES), WARM_UP_QUERIES);
        double spearman = StsBenchmark.evaluate(sts, model::embed, BATCH);
        System.out.printf(
            "raw ONNX %s: %,.1f chunks/s, %.2f ms a query; STS-B Spearman %.4f%n",
            variant.id(), raw.perSecond(), queryMillis, spearman);
        variants.add(new Variant(variant, raw, queryMillis, spearman));
      }

      String embedUrl = suite.url(Component.EMBED);
      try (KafkaProducer<String, byte[]> producer = Kafka.producer(bench.broker(), 5)) {
        stream(producer, embedUrl, texts.subList(0, WARM_UP), "warm-up", "v1");
        Rate stream = stream(producer, embedUrl, measured, "doc", "v1");
        System.out.printf("embed-service stream: %,.1f chunks/s%n", stream.perSecond());
        Rate cached = stream(producer, embedUrl, measured, "doc", "v2");
        System.out.printf("re-sent unchanged: %,.1f chunks/s%n", cached.perSecond());
        report(variants, stream, cached).write(reportFile);
      }
      System.out.println("report written to " + reportFile);
    }
    return 0;
  }

  /** Texts of about a full chunk, each made of real sentences drawn at random. */
  private List<String> chunkTexts(List<String> sentences, int count) {
    Random random = new Random(42);
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    while (texts.size() < count) {
      StringBuilder text = new StringBuilder();
      while (text.length() < chunkChars) {
        text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
      }
      texts.add(text.toString().strip());
    }
    return List.copyOf(texts);
  }

  /** The model embedding the texts in the service's batch size, on this thread. */
  private static Rate raw(OnnxEmbeddingModel model, List<String> texts) {
    long start = System.nanoTime();
    for (int from = 0; from < texts.size(); from += BATCH) {
      model.embed(texts.subList(from, Math.min(texts.size(), from + BATCH)));
    }
    return new Rate(texts.size(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Writes the texts as chunks of documents to {@code document-chunks} and times embed-service from
   * the first chunk stored to the last, read from its metrics.
   */
  private static Rate stream(
      KafkaProducer<String, byte[]> producer,
      String embedUrl,
      List<String> texts,
      String documentPrefix,
      String version)
      throws InterruptedException {
    double before = Metrics.sum(embedUrl, STORED);
    Instant now = Instant.now();
    for (int i = 0; i < texts.size(); i++) {
      String documentId = documentPrefix + "-" + (i / CHUNKS_PER_DOCUMENT);
      int index = i % CHUNKS_PER_DOCUMENT;
      String text = texts.get(i);
      ChunkPrepared chunk =
          new ChunkPrepared(
              documentId + ":" + version + ":0:" + index,
              documentId,
              version,
              0,
              1,
              index,
              CHUNKS_PER_DOCUMENT,
              text,
              ContentHash.of(text),
              "en",
              List.of(),
              new DocumentMetadata(
                  "bench",
                  "bench/" + documentId + ".txt",
                  "local",
                  "bench",
                  documentId + ".txt",
                  "text/plain",
                  (long) text.length() * CHUNKS_PER_DOCUMENT,
                  documentId,
                  null,
                  now,
                  now,
                  Map.of(),
                  Map.of()));
      producer.send(new ProducerRecord<>("document-chunks", documentId, EventJson.toBytes(chunk)));
    }
    producer.flush();
    double target = before + texts.size();
    long first = 0;
    double atFirst = before;
    double stored;
    while ((stored = Metrics.sum(embedUrl, STORED)) < target) {
      if (first == 0 && stored > before) {
        first = System.nanoTime();
        atFirst = stored;
      }
      Thread.sleep(20);
    }
    long last = System.nanoTime();
    if (first == 0) {
      return new Rate(texts.size(), 1e-3);
    }
    return new Rate((int) (target - atFirst), (last - first) / 1e9);
  }

  private Report report(List<Variant> variants, Rate stream, Rate cached) {
    Variant baseline =
        variants.stream().filter(v -> v.variant() == SERVICE_MODEL).findFirst().orElseThrow();
    Variant fp32 =
        variants.stream()
            .filter(v -> v.variant() == OnnxEmbeddingModel.Variant.FP32)
            .findFirst()
            .orElseThrow();
    String command =
        String.format(
            Locale.ROOT,
            "bin/bench embed --chunks %d --chunk-chars %d --partitions %d",
            chunks,
            chunkChars,
            partitions);
    return new Report("embed-service benchmark", command)
        .paragraph(
            "The broker and embed-service run as the local suite runs them, each in its own JVM "
                + "(embed-service with -Xmx"
                + Component.EMBED.maxHeap()
                + ", its vector store the embedded Lucene index); the load generator is a third JVM. "
                + String.format(
                    Locale.ROOT,
                    "Chunks are %d characters of real English (STS Benchmark training sentences "
                        + "drawn at random), about the 250 tokens enrich-service fills a chunk with, "
                        + "%d to a document.",
                    chunkChars,
                    CHUNKS_PER_DOCUMENT))
        .heading("Stream against raw ONNX")
        .paragraph(
            "The baseline is the model embed-service runs ("
                + baseline.variant().id()
                + ", from the same jar) embedding the same texts in batches of "
                + BATCH
                + " on one thread of the benchmark's JVM, after "
                + WARM_UP
                + " warm-up texts: the work embed-service cannot avoid. The stream is those texts as "
                + "chunks on `document-chunks`, each consumed, embedded, written to the index with "
                + "its metadata and committed; it is timed from the first chunk stored to the last, "
                + "after the same warm-up through the service.")
        .table(
            List.of(
                List.of("measured", "chunks/s", "against the baseline", "target"),
                List.of(
                    "raw in-process ONNX (baseline)",
                    Percentiles.format(baseline.raw().perSecond(), 1),
                    "1.00",
                    ""),
                List.of(
                    "**embed-service, stream**",
                    "**" + Percentiles.format(stream.perSecond(), 1) + "**",
                    Percentiles.format(stream.perSecond() / baseline.raw().perSecond(), 2),
                    "≥ 0.90"),
                List.of(
                    "embed-service, the same chunks re-sent unchanged (new version, cache hits)",
                    Percentiles.format(cached.perSecond(), 1),
                    Percentiles.format(cached.perSecond() / baseline.raw().perSecond(), 2),
                    "")))
        .heading("Model builds")
        .paragraph(
            "Each in-process model run raw in the benchmark's JVM: chunks as above (with the passage prefix"
                + " e5-small-v2 expects), and single queries (distinct sentences of the STS"
                + " Benchmark test split, one at a time on one thread, as search-service embeds"
                + " them, with the instruction or prefix each model expects before a query, after a"
                + " warm-up). Quality is the Spearman correlation between cosine similarity and the"
                + " gold score over the 1,379 pairs of the STS Benchmark test split, both texts"
                + " embedded as passages; the published score of all-MiniLM-L6-v2 is 0.8203"
                + " (MTEB). Speed-ups are against all-minilm-l6-v2 in 32-bit floats. Retrieval"
                + " quality, the reason to choose among them, is in the"
                + " [retrieval benchmark](retrieval.md).")
        .table(variantRows(variants, fp32));
  }

  private static List<List<String>> variantRows(List<Variant> variants, Variant fp32) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("model", "chunks/s", "speed-up", "ms a query", "speed-up", "STS-B Spearman"));
    for (Variant variant : variants) {
      rows.add(
          List.of(
              variant.variant().id() + (variant.variant() == SERVICE_MODEL ? " (default)" : ""),
              Percentiles.format(variant.raw().perSecond(), 1),
              Percentiles.format(variant.raw().perSecond() / fp32.raw().perSecond(), 2),
              Percentiles.format(variant.queryMillis(), 2),
              Percentiles.format(fp32.queryMillis() / variant.queryMillis(), 2),
              Percentiles.format(variant.spearman(), 4)));
    }
    return rows;
  }
}
