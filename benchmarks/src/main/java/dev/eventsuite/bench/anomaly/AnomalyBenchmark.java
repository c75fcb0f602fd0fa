package dev.eventsuite.bench.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.anomaly.domain.Detector;
import dev.eventsuite.anomaly.domain.RobustZScoreDetector;
import dev.eventsuite.anomaly.domain.ZScoreDetector;
import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.Report;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * anomaly-service's detectors over the Numenta Anomaly Benchmark, scored as NAB scores detectors
 * and set beside NAB's published scores.
 */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description = "NAB scores of anomaly-service's detectors beside NAB's published ones.")
public final class AnomalyBenchmark implements Callable<Integer> {

  private static final DateTimeFormatter NAB_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
  private static final List<String> PUBLISHED =
      List.of("numenta", "knncad", "windowedGaussian", "skyline", "random", "null");

  @Option(
      names = "--robust-window",
      defaultValue = "6400",
      description =
          "Values the robust z-score's median and MAD are taken over (default ${DEFAULT-VALUE}).")
  int robustWindow;

  @Option(
      names = "--snapshots",
      defaultValue = "1500000",
      description = "Feature snapshots in the speed run's backlog (default ${DEFAULT-VALUE}).")
  int snapshots;

  @Option(
      names = "--entities",
      defaultValue = "10000",
      description = "Distinct entities in the speed run (default ${DEFAULT-VALUE}).")
  int entities;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of the features topic (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--datasets",
      description = "The folder holding nab/ (default: ../shared/datasets beside the checkout).")
  Path datasets;

  @Option(
      names = "--report",
      defaultValue = "docs/benchmarks/anomaly.md",
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /** One NAB series: its values and its labelled windows as rows. */
  record NabFile(String name, double[] values, List<int[]> windows) {}

  /** A detector to evaluate: a name, the feature it reads, and how to make one for a series. */
  record Candidate(String name, boolean delta, IntFunction<DoubleUnaryOperator> scorer) {}

  @Override
  public Integer call() throws Exception {
    // Speed first, on a quiet machine: the quality run keeps this JVM's collector busy for a while.
    SpeedRun.Result speed = new SpeedRun(BenchCli.home(), snapshots, entities, partitions).run();
    Path nab =
        (datasets != null ? datasets : BenchCli.home().resolve("../shared/datasets"))
            .resolve("nab");
    List<NabFile> files = load(nab);
    System.out.printf(
        "%d series, %,d values%n",
        files.size(), files.stream().mapToInt(f -> f.values().length).sum());
    List<Candidate> candidates =
        List.of(
            new Candidate(
                "z-score of the delta (the seed designs' feature)",
                true,
                warmUp -> scores(new ZScoreDetector(warmUp, 3))),
            new Candidate(
                "z-score of the value", false, warmUp -> scores(new ZScoreDetector(warmUp, 3))),
            new Candidate(
                "robust z-score of the delta",
                true,
                warmUp -> scores(new RobustZScoreDetector(robustWindow, 3.5))),
            new Candidate(
                "robust z-score of the value",
                false,
                warmUp -> scores(new RobustZScoreDetector(robustWindow, 3.5))),
            new Candidate(
                "uniform random scores (a check of the scorer)", false, warmUp -> randomScores()));
    Map<String, NabScorer.Profile> profiles = profiles(nab);
    Map<String, Map<String, Double>> ours = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      List<NabScorer.Series> series = new ArrayList<>();
      for (NabFile file : files) {
        series.add(new NabScorer.Series(scores(candidate, file), file.windows()));
      }
      Map<String, Double> byProfile = new LinkedHashMap<>();
      for (Map.Entry<String, NabScorer.Profile> profile : profiles.entrySet()) {
        byProfile.put(
            profile.getKey(), new NabScorer(profile.getValue()).score(series).normalized());
      }
      System.out.printf("%s: %s%n", candidate.name(), byProfile);
      ours.put(candidate.name(), byProfile);
    }
    report(ours, published(nab), profiles.keySet(), files, speed).write(reportFile);
    System.out.println("report written to " + reportFile);
    return 0;
  }

  /** Scores that know nothing: NAB's random detector, to check this scorer against its 16.8. */
  private static DoubleUnaryOperator randomScores() {
    Random random = new Random(42);
    return value -> random.nextDouble();
  }

  /** A detector's scores, the detector learning each value. */
  private static DoubleUnaryOperator scores(Detector detector) {
    return value -> detector.score(value).score();
  }

  /** Each value's score, the detector learning through the series' probation period. */
  private static double[] scores(Candidate candidate, NabFile file) {
    double[] values = file.values();
    DoubleUnaryOperator scorer =
        candidate.scorer().apply(Math.max(2, NabScorer.probation(values.length)));
    double[] scores = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (candidate.delta()) {
        if (i == 0) {
          continue;
        }
        scores[i] = scorer.applyAsDouble(values[i] - values[i - 1]);
      } else {
        scores[i] = scorer.applyAsDouble(values[i]);
      }
    }
    return scores;
  }

  private static List<NabFile> load(Path nab) throws IOException {
    JsonNode windows =
        EventJson.tree(Files.readAllBytes(nab.resolve("labels/combined_windows.json")));
    List<NabFile> files = new ArrayList<>();
    for (Iterator<String> names = windows.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      List<String> lines = Files.readAllLines(nab.resolve("data").resolve(name));
      List<LocalDateTime> times = new ArrayList<>();
      double[] values = new double[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",");
        times.add(LocalDateTime.parse(fields[0], NAB_TIME));
        values[i - 1] = Double.parseDouble(fields[1]);
      }
      List<int[]> rows = new ArrayList<>();
      for (JsonNode window : windows.get(name)) {
        LocalDateTime start = LocalDateTime.parse(window.get(0).asText(), NAB_TIME);
        LocalDateTime end = LocalDateTime.parse(window.get(1).asText(), NAB_TIME);
        int first = 0;
        while (first < times.size() && times.get(first).isBefore(start)) {
          first++;
        }
        int last = first;
        while (last + 1 < times.size() && !times.get(last + 1).isAfter(end)) {
          last++;
        }
        rows.add(new int[] {first, last});
      }
      files.add(new NabFile(name, values, rows));
    }
    return files;
  }

  private static Map<String, NabScorer.Profile> profiles(Path nab) throws IOException {
    JsonNode config = EventJson.tree(Files.readAllBytes(nab.resolve("config/profiles.json")));
    Map<String, NabScorer.Profile> profiles = new LinkedHashMap<>();
    for (String name : List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate")) {
      JsonNode costs = config.path(name).path("CostMatrix");
      profiles.put(
          name,
          new NabScorer.Profile(
              costs.path("tpWeight").asDouble(),
              costs.path("fpWeight").asDouble(),
              costs.path("fnWeight").asDouble()));
    }
    return profiles;
  }

  private static Map<String, Map<String, Double>> published(Path nab) throws IOException {
    JsonNode results =
        EventJson.tree(Files.readAllBytes(nab.resolve("results/final_results.json")));
    Map<String, Map<String, Double>> published = new LinkedHashMap<>();
    for (String detector : PUBLISHED) {
      Map<String, Double> byProfile = new LinkedHashMap<>();
      results
          .path(detector)
          .properties()
          .forEach(e -> byProfile.put(e.getKey(), e.getValue().asDouble()));
      published.put(detector, byProfile);
    }
    return published;
  }

  private Report report(
      Map<String, Map<String, Double>> ours,
      Map<String, Map<String, Double>> published,
      java.util.Set<String> profiles,
      List<NabFile> files,
      SpeedRun.Result speed) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("detector", "source"));
    header.addAll(profiles);
    rows.add(header);
    ours.forEach(
        (name, scores) -> rows.add(row("**" + name + "**", "this suite", scores, profiles)));
    published.forEach((name, scores) -> rows.add(row(name, "NAB, published", scores, profiles)));
    return new Report(
            "anomaly-service detectors on the Numenta Anomaly Benchmark",
            String.format(
                Locale.ROOT,
                "bin/bench anomaly --robust-window %d --snapshots %d --entities %d --partitions %d",
                robustWindow,
                snapshots,
                entities,
                partitions))
        .heading("Quality on NAB")
        .paragraph(
            String.format(
                Locale.ROOT,
                "The detectors of anomaly-service run over NAB v1.1's %d labelled series (%,d values), "
                    + "one detector per series, learning through each series' probation period (its "
                    + "first 15%%, at most 750 values) before scoring. Their scores are then scored as "
                    + "NAB scores detectors, reimplemented from its published definition: windows, "
                    + "the scaled sigmoid, only the first detection in a window, the probation "
                    + "period, one threshold for all series chosen for the best total, and "
                    + "normalisation between the null detector (0) and the perfect one (100). The "
                    + "z-score detectors use |z|, the robust ones |value - median| / (1.4826 MAD) over "
                    + "the last %d values; the service flags |z| > 3 (3.5 for the robust one), the "
                    + "benchmark lets NAB choose the threshold as it does for every detector.",
                files.size(),
                files.stream().mapToInt(f -> f.values().length).sum(),
                robustWindow))
        .table(rows)
        .paragraph(
            "Target: the z-score detector at least matches NAB's windowedGaussian (39.6, standard"
                + " profile). Scored over the value it does; over the delta, the seed designs'"
                + " feature and the service's default, it does not: most NAB anomalies are shifts in"
                + " level that one large delta marks once, while noisy deltas raise false alarms. A"
                + " series whose level is what matters is configured with `feature=value` (per metric"
                + " or entity; see anomaly-service's README). The robust z-score trails far behind: on"
                + " NAB's many quantised series more than half of a window is often one value, its"
                + " spread collapses, and ordinary steps score as outliers. The uniform random row"
                + " checks this scorer against NAB's random detector, whose score also depends on its"
                + " draws.")
        .heading("Speed")
        .paragraph(
            String.format(
                Locale.ROOT,
                "anomaly-service (its own JVM, as `bin/suite up` starts it, default z-score of the"
                    + " delta) scores a backlog of %,d feature snapshots of %,d entities on a"
                    + " %d-partition `features` topic of the embedded broker. Every scored event,"
                    + " every anomaly and each series' detector state is written to its H2 store"
                    + " before the offsets are committed; the rate counts committed offsets. The"
                    + " baseline is a bare consumer reading the same records on the same broker.",
                speed.snapshots(),
                speed.entities(),
                partitions))
        .table(
            List.of(
                List.of("", "snapshots/s"),
                List.of("raw producer (writing the backlog)", rate(speed.producer())),
                List.of("bare consumer (reading it)", rate(speed.bareConsumer())),
                List.of(
                    "**anomaly-service, sustained** (after the first quarter)",
                    "**" + rate(speed.sustained()) + "**"),
                List.of("anomaly-service, overall", rate(speed.overall()))))
        .paragraph(
            String.format(
                Locale.ROOT,
                "Target: at least 40,000 features/s scored. Sustained: %s, %.2f of the bare"
                    + " consumer. Anomalies found in the backlog: %,d (about one reading in a"
                    + " thousand jumps; its rise and its fall both count). The service, the broker"
                    + " and this benchmark share the machine's two cores, and the rate moves by a"
                    + " fifth between runs: it ran second, after the quality run, at 35,000.",
                rate(speed.sustained()),
                speed.sustained() / speed.bareConsumer(),
                speed.anomalies()));
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static List<String> row(
      String name, String source, Map<String, Double> scores, java.util.Set<String> profiles) {
    List<String> row = new ArrayList<>(List.of(name, source));
    profiles.forEach(
        p -> row.add(scores.containsKey(p) ? Percentiles.format(scores.get(p), 1) : ""));
    return row;
  }
}
