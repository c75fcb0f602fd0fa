package dev.eventsuite.bench.ingest;

import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.BrokerAddress;
import dev.eventsuite.bench.HeapSampler;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.Report;
import dev.eventsuite.bench.Sentences;
import dev.eventsuite.bench.Topics;
import dev.eventsuite.bench.ingest.DocumentCorpus.Kind;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * ingest-service turning a large JSON Lines file into metric events, against a bare producer of the
 * same lines, with its heap sampled as the file is read; and a folder of mixed documents, against
 * bare Apache Tika.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "JSON Lines throughput and heap, and document extraction, of ingest-service.")
public final class IngestBenchmark implements Callable<Integer> {

  private static final int HEAP_BANDS = 10;
  private static final int WARM_UP_DOCUMENTS = 20;

  /** Published records read back and sent again by a bare producer, and how often. */
  private static final int AGAIN_SAMPLE = 1_000_000;

  private static final int AGAIN_PASSES = 3;
  private static final long WARM_UP_BYTES = 64L << 20;

  @Option(
      names = "--size-mb",
      defaultValue = "1024",
      description = "Size of the JSON Lines file in MiB (default ${DEFAULT-VALUE}).")
  long sizeMb;

  @Option(
      names = "--entities",
      defaultValue = "10000",
      description = "Distinct entities in the file (default ${DEFAULT-VALUE}).")
  int entities;

  @Option(
      names = "--documents",
      defaultValue = "1000",
      description =
          "Documents in the folder, shared evenly by the five kinds (default ${DEFAULT-VALUE}).")
  int documents;

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
      defaultValue = "docs/benchmarks/ingest.md",
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /** One kind of document: its size, and the time ingest-service and bare Tika took. */
  private record KindResult(
      Kind kind, int files, long bytes, DocumentsRun.Ingested ingested, double tikaSeconds) {}

  @Override
  public Integer call() throws Exception {
    List<String> sentences =
        Sentences.load(datasets != null ? datasets : BenchCli.home().resolve("../shared/datasets"));
    try (BenchSuite bench =
            new BenchSuite(BenchCli.home(), List.of(Component.INGEST), partitions, System.out);
        Topics topics = new Topics(bench.broker())) {
      RunningSuite suite = bench.suite();
      Path buckets = suite.dataDir().buckets();
      Path work = Files.createDirectories(buckets.resolve(".bench"));

      System.out.printf("writing a %,d MiB JSON Lines file%n", sizeMb);
      JsonLinesRun lines =
          new JsonLinesRun(topics, bench.broker(), suite.record(Component.KAFKA).pid());
      JsonLinesRun.File warmUp =
          JsonLinesRun.write(work.resolve("warm-up.jsonl"), WARM_UP_BYTES, entities);
      JsonLinesRun.File file =
          JsonLinesRun.write(work.resolve("events.jsonl"), sizeMb << 20, entities);
      lines.produceRaw(warmUp);
      JsonLinesRun.Rate raw = lines.produceRaw(file);
      System.out.printf(
          "raw producer: %,.0f records/s, %.1f MiB/s, CPU µs/record: producer %.2f, broker %.2f%n",
          raw.recordsPerSecond(),
          raw.megabytesPerSecond(),
          raw.producerMicros(),
          raw.brokerMicros());
      lines.ingest(
          warmUp,
          buckets.resolve("bench-lines/warm-up.jsonl"),
          suite.url(Component.INGEST),
          suite.record(Component.INGEST).pid());
      JsonLinesRun.Ingested ingested =
          lines.ingest(
              file,
              buckets.resolve("bench-lines/events.jsonl"),
              suite.url(Component.INGEST),
              suite.record(Component.INGEST).pid());
      System.out.printf(
          "ingest-service: %,.0f records/s, %.1f MiB/s, CPU µs/record: service %.2f, broker %.2f%n",
          ingested.publishing().recordsPerSecond(),
          ingested.publishing().megabytesPerSecond(),
          ingested.publishing().producerMicros(),
          ingested.publishing().brokerMicros());

      JsonLinesRun.Rate again =
          lines.produceAgain((int) Math.min(AGAIN_SAMPLE, file.lines()), AGAIN_PASSES);
      System.out.printf(
          "bare producer, published records: %,.0f records/s, CPU µs/record: producer %.2f,"
              + " broker %.2f%n",
          again.recordsPerSecond(), again.producerMicros(), again.brokerMicros());

      List<KindResult> kinds = documents(suite, topics, bench.broker(), sentences, work);
      report(file, raw, again, ingested, kinds).write(reportFile);
      System.out.println("report written to " + reportFile);
    }
    return 0;
  }

  private List<KindResult> documents(
      RunningSuite suite, Topics topics, BrokerAddress broker, List<String> sentences, Path work)
      throws Exception {
    DocumentCorpus corpus = new DocumentCorpus(sentences, 42);
    int perKind = documents / Kind.values().length;
    Map<Kind, Long> sizes = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      corpus.write(kind, WARM_UP_DOCUMENTS, work.resolve("warm-up/" + kind.extension));
      sizes.put(kind, corpus.write(kind, perKind, work.resolve("documents/" + kind.extension)));
    }
    System.out.printf("wrote %,d documents%n", perKind * Kind.values().length);
    List<KindResult> results = new ArrayList<>();
    try (DocumentsRun run =
        new DocumentsRun(topics, broker, suite.url(Component.INGEST), suite.apiKey())) {
      for (Kind kind : Kind.values()) {
        Path warmUp = work.resolve("warm-up/" + kind.extension);
        run.ingest(warmUp, "warm-up/" + kind.extension + "/");
        run.parseWithTika(warmUp);
      }
      for (Kind kind : Kind.values()) {
        Path folder = work.resolve("documents/" + kind.extension);
        DocumentsRun.Ingested ingested = run.ingest(folder, kind.extension + "/");
        double tika = run.parseWithTika(folder);
        System.out.printf(
            "%-5s %,.0f documents/s (bare Tika %,.0f/s)%n",
            kind.extension, ingested.files() / ingested.seconds(), ingested.files() / tika);
        results.add(new KindResult(kind, ingested.files(), sizes.get(kind), ingested, tika));
      }
    }
    return results;
  }

  private Report report(
      JsonLinesRun.File file,
      JsonLinesRun.Rate raw,
      JsonLinesRun.Rate again,
      JsonLinesRun.Ingested ingested,
      List<KindResult> kinds) {
    String command =
        String.format(
            Locale.ROOT,
            "bin/bench ingest --size-mb %d --entities %d --documents %d --partitions %d",
            sizeMb,
            entities,
            documents,
            partitions);
    Report report =
        new Report("ingest-service benchmark", command)
            .paragraph(
                "The broker and ingest-service run as the local suite runs them, each in its own JVM "
                    + "(ingest-service with -Xmx"
                    + Component.INGEST.maxHeap()
                    + "); the load generator is a third JVM. Every topic has "
                    + partitions
                    + " partitions.")
            .heading("JSON Lines")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "A file of %,d metric events in the canonical shape (%,d entities, %.2f GiB) is "
                        + "produced by a bare producer, line by line as it is, keyed by entity and "
                        + "configured as the services' producers are (acks from all replicas, "
                        + "5 ms linger, no compression): the baseline. Then the same file is moved "
                        + "into a local bucket folder, and ingest-service reads it, parses, checks "
                        + "and normalises every line, and publishes it on `metric-events` with its "
                        + "CloudEvents headers.",
                    file.lines(),
                    entities,
                    file.bytes() / (double) (1L << 30)))
            .table(
                List.of(
                    List.of("measured", "records/s", "MiB/s", "against the baseline", "target"),
                    List.of(
                        "bare producer, the file's lines (baseline)",
                        rate(raw.recordsPerSecond()),
                        Percentiles.format(raw.megabytesPerSecond(), 1),
                        "1.00",
                        ""),
                    List.of(
                        "bare producer, the records ingest-service published",
                        rate(again.recordsPerSecond()),
                        "",
                        Percentiles.format(again.recordsPerSecond() / raw.recordsPerSecond(), 2),
                        ""),
                    List.of(
                        "**ingest-service**, first record to last",
                        "**" + rate(ingested.publishing().recordsPerSecond()) + "**",
                        Percentiles.format(ingested.publishing().megabytesPerSecond(), 1),
                        Percentiles.format(
                            ingested.publishing().recordsPerSecond() / raw.recordsPerSecond(), 2),
                        "≥ 0.50"),
                    List.of(
                        "ingest-service, file landing to last record",
                        rate(ingested.endToEnd().recordsPerSecond()),
                        Percentiles.format(ingested.endToEnd().megabytesPerSecond(), 1),
                        Percentiles.format(
                            ingested.endToEnd().recordsPerSecond() / raw.recordsPerSecond(), 2),
                        "")))
            .paragraph(
                "From landing to last record also counts the watcher's settle time (1 s), the "
                    + "SHA-256 of the whole file that versions a local object, and the object "
                    + "event's trip through `object-events`. Rows dead-lettered: "
                    + ingested.deadLettered()
                    + ".")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "The published records cost more to produce and store than the raw lines: each "
                        + "carries its CloudEvents headers and a normalised value. To tell that cost "
                        + "from the service's own work, the first %,d records ingest-service published "
                        + "are read back into memory and sent %d times more by a bare producer "
                        + "configured as the baseline's (after one untimed pass). ingest-service "
                        + "reaches **%.2f** of that rate: the rest is what its reading, parsing, "
                        + "checking and normalising cost. The gap from that rate to the baseline is "
                        + "the published records' own.",
                    Math.min(AGAIN_SAMPLE, file.lines()),
                    AGAIN_PASSES,
                    ingested.publishing().recordsPerSecond() / again.recordsPerSecond()))
            .paragraph(
                "All three share the machine's two cores with the broker, so their rates are bounded "
                    + "by the CPU time each record costs, measured per process over the run:")
            .table(
                List.of(
                    List.of("CPU µs per record", "producing process", "broker", "together"),
                    cpuRow("bare producer, the file's lines", raw),
                    cpuRow("bare producer, the published records", again),
                    cpuRow("ingest-service", ingested.publishing())))
            .heading("Heap while the file is read")
            .paragraph(
                "ingest-service's `/q/metrics` sampled every 500 ms, grouped by how much of the file "
                    + "had been published. Heap in use includes garbage not yet collected; live data "
                    + "is what the last old-generation collection left. A reader that held the file "
                    + "would grow with it; flat bands mean the file streams through.")
            .table(heapRows(ingested.heap()));
    return report
        .heading("Documents")
        .paragraph(
            String.format(
                Locale.ROOT,
                "%,d documents, %,d of each kind, written from STS Benchmark sentences: a title, then "
                    + "1 to 12 sections under headings of 1 to 5 paragraphs each. Each kind's folder is "
                    + "uploaded through `PUT /api/v1/buckets/{bucket}/objects/{name}`, %d at a time, "
                    + "and timed until every section of every document is on `documents`. The "
                    + "baseline is bare Apache Tika (`AutoDetectParser`, plain text) extracting the "
                    + "same files one after another in one warm thread; ingest-service also detects "
                    + "the type from the bytes, keeps headings and paragraphs, reads titles and "
                    + "metadata, splits sections and publishes. Both were warmed up on %d other "
                    + "documents of each kind.",
                kinds.stream().mapToInt(KindResult::files).sum(),
                kinds.get(0).files(),
                4,
                WARM_UP_DOCUMENTS))
        .table(documentRows(kinds));
  }

  private static List<String> cpuRow(String name, JsonLinesRun.Rate rate) {
    return List.of(
        name,
        Percentiles.format(rate.producerMicros(), 2),
        Percentiles.format(rate.brokerMicros(), 2),
        Percentiles.format(rate.producerMicros() + rate.brokerMicros(), 2));
  }

  private static List<List<String>> heapRows(HeapSampler heap) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("published", "samples", "heap in use, max", "live data, max"));
    for (int band = 0; band < HEAP_BANDS; band++) {
      double from = band / (double) HEAP_BANDS;
      double to = (band + 1) / (double) HEAP_BANDS;
      long samples =
          heap.samples().stream().filter(s -> s.progress() >= from && s.progress() < to).count();
      rows.add(
          List.of(
              String.format(Locale.ROOT, "%d–%d %%", band * 10, (band + 1) * 10),
              Long.toString(samples),
              mib(heap.maxHeapUsed(from, to)),
              mib(heap.maxLiveData(from, to))));
    }
    return rows;
  }

  private static List<List<String>> documentRows(List<KindResult> kinds) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "kind",
            "files",
            "MiB",
            "ingest-service, documents/s",
            "bare Tika, documents/s",
            "against bare Tika",
            "dead-lettered"));
    int files = 0;
    long bytes = 0;
    double ingestSeconds = 0;
    double tikaSeconds = 0;
    for (KindResult kind : kinds) {
      double ingestRate = kind.files() / kind.ingested().seconds();
      double tikaRate = kind.files() / kind.tikaSeconds();
      rows.add(
          List.of(
              kind.kind().extension,
              Integer.toString(kind.files()),
              Percentiles.format(kind.bytes() / (double) (1 << 20), 1),
              rate(ingestRate),
              rate(tikaRate),
              Percentiles.format(ingestRate / tikaRate, 2),
              Long.toString(kind.ingested().deadLettered())));
      files += kind.files();
      bytes += kind.bytes();
      ingestSeconds += kind.ingested().seconds();
      tikaSeconds += kind.tikaSeconds();
    }
    rows.add(
        List.of(
            "**all**",
            Integer.toString(files),
            Percentiles.format(bytes / (double) (1 << 20), 1),
            "**" + rate(files / ingestSeconds) + "**",
            rate(files / tikaSeconds),
            Percentiles.format(tikaSeconds / ingestSeconds, 2),
            Long.toString(kinds.stream().mapToLong(k -> k.ingested().deadLettered()).sum())));
    return rows;
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }
}
