package dev.eventsuite.bench.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.anomaly.domain.Detector;
import dev.eventsuite.anomaly.domain.DetectorSpec;
import dev.eventsuite.anomaly.domain.DetectorSpec.Method;
import dev.eventsuite.anomaly.domain.Feature;
import dev.eventsuite.anomaly.domain.NoveltyDetector;
import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.Report;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
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
  private static final String DEFAULT = "novelty of the value (the default)";

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
      defaultValue = "1000",
      description =
          "Distinct entities in the speed run (default ${DEFAULT-VALUE}: enough snapshots each"
              + " for the default detector to compare with a full history).")
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

  /**
   * One NAB series: its values, its labelled windows and anomalies as rows, and the typical time
   * between its rows.
   */
  record NabFile(
      String name, double[] values, List<int[]> windows, List<Integer> labels, Duration step) {}

  /**
   * A detector to evaluate: a name, the feature it reads, and how to make one for a series given
   * the values it learns from before scoring.
   */
  record Candidate(String name, boolean delta, IntFunction<DoubleUnaryOperator> scorer) {

    /** anomaly-service's detector of a method over a feature, made as the service makes it. */
    static Candidate of(String name, Method method, Feature feature, int window) {
      return of(
          name,
          feature.equals(Feature.DELTA),
          warmUp ->
              new DetectorSpec(
                      method,
                      feature,
                      method.defaultThreshold(),
                      warmUp,
                      window,
                      false,
                      null,
                      List.of())
                  .newDetector(null));
    }

    /** A detector made for each series given its warm-up, scoring the value or the delta. */
    static Candidate of(String name, boolean delta, IntFunction<Detector> detectors) {
      return new Candidate(
          name,
          delta,
          warmUp -> {
            Detector detector = detectors.apply(warmUp);
            return value -> detector.score(value).score();
          });
    }
  }

  /** A candidate's scores by profile, its threshold and its detections on the standard profile. */
  record Evaluation(
      Map<String, Double> byProfile, double threshold, List<List<Integer>> delays, int windows) {}

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
            Candidate.of(DEFAULT, Method.NOVELTY, Feature.VALUE, 0),
            Candidate.of(
                "k-nearest shingle of the value (the default before novelty)",
                Method.KNN,
                Feature.VALUE,
                0),
            Candidate.of(
                "random cut forest of the value", Method.RANDOM_CUT_FOREST, Feature.VALUE, 0),
            Candidate.of(
                "z-score of the delta (the default before the k-nearest shingle)",
                Method.ZSCORE,
                Feature.DELTA,
                0),
            Candidate.of("z-score of the value", Method.ZSCORE, Feature.VALUE, 0),
            Candidate.of(
                "robust z-score of the value", Method.ROBUST_ZSCORE, Feature.VALUE, robustWindow),
            new Candidate(
                "uniform random scores (a check of the scorer)", false, warmUp -> randomScores()));
    Map<String, NabScorer.Profile> profiles = profiles(nab);
    Map<String, Evaluation> ours = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      long started = System.nanoTime();
      List<NabScorer.Series> series = series(candidate, files);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Double> byProfile = new LinkedHashMap<>();
      double threshold = Double.NaN;
      for (Map.Entry<String, NabScorer.Profile> profile : profiles.entrySet()) {
        NabScorer.Result result = new NabScorer(profile.getValue()).score(series);
        byProfile.put(profile.getKey(), result.normalized());
        if (profile.getKey().equals("standard")) {
          threshold = result.threshold();
        }
      }
      System.out.printf(
          "%s: %s, threshold %.3f, %.1f s%n", candidate.name(), byProfile, threshold, seconds);
      ours.put(candidate.name(), evaluation(byProfile, threshold, files, series));
    }
    Sensitivity sensitivity = sensitivity(files, profiles.get("standard"));
    report(ours, published(nab), profiles.keySet(), files, speed, sensitivity).write(reportFile);
    System.out.println("report written to " + reportFile);
    return 0;
  }

  /** Scores that know nothing: NAB's random detector, to check this scorer against its 16.8. */
  private static DoubleUnaryOperator randomScores() {
    Random random = new Random(42);
    return value -> random.nextDouble();
  }

  /**
   * Each series' delays at the threshold: from each labelled anomaly after probation to the first
   * detection in its window, in rows (negative: before it), null for a window missed.
   */
  private static Evaluation evaluation(
      Map<String, Double> byProfile,
      double threshold,
      List<NabFile> files,
      List<NabScorer.Series> series) {
    List<List<Integer>> delays = new ArrayList<>();
    int windows = 0;
    for (int f = 0; f < files.size(); f++) {
      NabFile file = files.get(f);
      double[] scores = series.get(f).scores();
      int probation = NabScorer.probation(scores.length);
      List<Integer> ofFile = new ArrayList<>();
      for (int w = 0; w < file.windows().size(); w++) {
        int[] window = file.windows().get(w);
        if (window[1] < probation) {
          continue;
        }
        windows++;
        Integer delay = null;
        for (int i = Math.max(window[0], probation); i <= window[1]; i++) {
          if (scores[i] >= threshold) {
            delay = i - file.labels().get(w);
            break;
          }
        }
        ofFile.add(delay);
      }
      delays.add(ofFile);
    }
    return new Evaluation(byProfile, threshold, delays, windows);
  }

  /** The novelty detector's level settings tried, its default in the middle of each range. */
  private static final int[] LEARNING = {200, 300, 400};

  private static final int[] BANDS = {8, 10, 12};
  private static final int[] REST = {50, 100, 150};

  /**
   * The novelty detector around its chosen settings: its standard score at each level setting of a
   * grid, and a two-fold check of choosing them on NAB itself.
   *
   * @param scores each setting's standard score over all series
   * @param folds each half of the series, scored by the setting best on the other half
   */
  record Sensitivity(Map<NoveltyDetector.Levels, Double> scores, List<Fold> folds) {}

  /**
   * One half of the series held out: the setting best on the other half, and its score and the
   * default's on this one.
   */
  record Fold(
      String half, NoveltyDetector.Levels chosen, double chosenScore, double defaultScore) {}

  private static Sensitivity sensitivity(List<NabFile> files, NabScorer.Profile standard) {
    Map<NoveltyDetector.Levels, List<NabScorer.Series>> bySetting = new LinkedHashMap<>();
    for (NoveltyDetector.Levels levels : grid()) {
      Candidate candidate =
          Candidate.of(
              levels.toString(),
              false,
              warmUp -> new NoveltyDetector(warmUp, Method.NOVELTY.defaultThreshold(), levels));
      bySetting.put(levels, series(candidate, files));
    }
    NabScorer scorer = new NabScorer(standard);
    Map<NoveltyDetector.Levels, Double> scores = new LinkedHashMap<>();
    bySetting.forEach((levels, series) -> scores.put(levels, scorer.score(series).normalized()));
    List<Fold> folds = new ArrayList<>();
    for (int held = 0; held < 2; held++) {
      NoveltyDetector.Levels chosen = null;
      double best = Double.NEGATIVE_INFINITY;
      for (Map.Entry<NoveltyDetector.Levels, List<NabScorer.Series>> setting :
          bySetting.entrySet()) {
        double training = scorer.score(half(setting.getValue(), 1 - held)).normalized();
        if (training > best) {
          best = training;
          chosen = setting.getKey();
        }
      }
      folds.add(
          new Fold(
              held == 0 ? "1st, 3rd, 5th, ..." : "2nd, 4th, 6th, ...",
              chosen,
              scorer.score(half(bySetting.get(chosen), held)).normalized(),
              scorer
                  .score(half(bySetting.get(NoveltyDetector.Levels.DEFAULT), held))
                  .normalized()));
    }
    System.out.printf("novelty's settings: %s, held out: %s%n", scores, folds);
    return new Sensitivity(scores, folds);
  }

  /** The level settings of the grid: each value learnt with each number of bands and rest. */
  private static List<NoveltyDetector.Levels> grid() {
    List<NoveltyDetector.Levels> grid = new ArrayList<>();
    for (int learning : LEARNING) {
      for (int bands : BANDS) {
        for (int rest : REST) {
          grid.add(new NoveltyDetector.Levels(learning, bands, rest));
        }
      }
    }
    return grid;
  }

  /** The candidate's scores of each series. */
  private static List<NabScorer.Series> series(Candidate candidate, List<NabFile> files) {
    List<NabScorer.Series> series = new ArrayList<>();
    for (NabFile file : files) {
      series.add(new NabScorer.Series(scores(candidate, file), file.windows()));
    }
    return series;
  }

  /** Every other series, from the first (parity 0) or the second. */
  private static List<NabScorer.Series> half(List<NabScorer.Series> series, int parity) {
    List<NabScorer.Series> half = new ArrayList<>();
    for (int i = parity; i < series.size(); i += 2) {
      half.add(series.get(i));
    }
    return half;
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
    JsonNode labels =
        EventJson.tree(Files.readAllBytes(nab.resolve("labels/combined_labels.json")));
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
      List<Integer> anomalies = new ArrayList<>();
      for (JsonNode window : windows.get(name)) {
        int first = rowAtOrAfter(times, LocalDateTime.parse(window.get(0).asText(), NAB_TIME));
        LocalDateTime end = LocalDateTime.parse(window.get(1).asText(), NAB_TIME);
        int last = first;
        while (last + 1 < times.size() && !times.get(last + 1).isAfter(end)) {
          last++;
        }
        rows.add(new int[] {first, last});
        int label = (first + last) / 2;
        for (JsonNode time : labels.get(name)) {
          int row = rowAtOrAfter(times, LocalDateTime.parse(time.asText(), NAB_TIME));
          if (row >= first && row <= last) {
            label = row;
          }
        }
        anomalies.add(label);
      }
      long[] gaps = new long[times.size() - 1];
      for (int i = 1; i < times.size(); i++) {
        gaps[i - 1] = Duration.between(times.get(i - 1), times.get(i)).getSeconds();
      }
      Arrays.sort(gaps);
      Duration step = Duration.ofSeconds(gaps[gaps.length / 2]);
      files.add(new NabFile(name, values, rows, anomalies, step));
    }
    return files;
  }

  private static int rowAtOrAfter(List<LocalDateTime> times, LocalDateTime time) {
    int row = 0;
    while (row < times.size() && times.get(row).isBefore(time)) {
      row++;
    }
    return row;
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
    List<String> detectors = new ArrayList<>();
    results.fieldNames().forEachRemaining(detectors::add);
    detectors.sort(
        Comparator.comparingDouble(
                (String detector) -> results.path(detector).path("standard").asDouble())
            .reversed());
    for (String detector : detectors) {
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
      Map<String, Evaluation> ours,
      Map<String, Map<String, Double>> published,
      Set<String> profiles,
      List<NabFile> files,
      SpeedRun.Result speed,
      Sensitivity sensitivity) {
    double[] gridScores =
        sensitivity.scores().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("detector", "source"));
    header.addAll(profiles);
    header.addAll(List.of("threshold", "windows detected", "median delay (rows)"));
    rows.add(header);
    ours.forEach(
        (name, evaluation) -> {
          List<String> row =
              row("**" + name + "**", "this suite", evaluation.byProfile(), profiles);
          List<Integer> delays =
              evaluation.delays().stream()
                  .flatMap(List::stream)
                  .filter(Objects::nonNull)
                  .sorted()
                  .toList();
          row.add(Percentiles.format(evaluation.threshold(), 2));
          row.add(delays.size() + " of " + evaluation.windows());
          row.add(delays.isEmpty() ? "" : String.valueOf(delays.get(delays.size() / 2)));
          rows.add(row);
        });
    published.forEach(
        (name, scores) -> {
          List<String> row = row(name, "NAB, published", scores, profiles);
          row.addAll(List.of("", "", ""));
          rows.add(row);
        });
    Evaluation chosen = ours.get(DEFAULT);
    List<List<String>> perSeries = new ArrayList<>();
    perSeries.add(List.of("series", "time step", "anomalies scored", "detected", "delays"));
    for (int f = 0; f < files.size(); f++) {
      List<Integer> delays = chosen.delays().get(f);
      if (delays.isEmpty()) {
        continue;
      }
      NabFile file = files.get(f);
      perSeries.add(
          List.of(
              file.name(),
              duration(file.step()),
              String.valueOf(delays.size()),
              String.valueOf(delays.stream().filter(Objects::nonNull).count()),
              String.join(
                  ", ",
                  delays.stream()
                      .map(d -> d == null ? "missed" : delay(d, file.step()))
                      .toList())));
    }
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
                "The detectors of anomaly-service, each made from its configuration as the service"
                    + " makes it, run over NAB v1.1's %d labelled series (%,d values), one detector"
                    + " per series, learning through each series' probation period (its first 15%%,"
                    + " at most 750 values) before scoring. Their scores are then scored as NAB"
                    + " scores detectors, reimplemented from its published definition: windows, the"
                    + " scaled sigmoid, only the first detection in a window, the probation period,"
                    + " one threshold for all series chosen for the best total, and normalisation"
                    + " between the null detector (0) and the perfect one (100). The threshold"
                    + " column is the one NAB's sweep chose on the standard profile; the windows"
                    + " detected and the median delay are at that threshold, the delay counted in"
                    + " rows from the labelled anomaly to the first detection in its window"
                    + " (negative: before it). The robust z-score uses the last %d values.",
                files.size(),
                files.stream().mapToInt(f -> f.values().length).sum(),
                robustWindow))
        .table(rows)
        .paragraph(
            String.format(
                Locale.ROOT,
                "The default detector is novelty (`novelty`, see anomaly-service's README). A value"
                    + " that lands in a level the series never reached scores 50: the range of the"
                    + " series' first %d values is cut into %d bands, and bands of that width go on"
                    + " beyond both ends; a new level within %d values of the last one scores"
                    + " nothing more, so a series moving onto new ground raises one alert. Any"
                    + " other value scores its shape, as the k-nearest shingle below scores it."
                    + " Its threshold by default is the one the sweep chose, rounded (%.0f): a new"
                    + " level, or a shape that many standard deviations beyond the recent ones."
                    + " Levels are what NAB's best open detectors remember (contextual anomaly"
                    + " detection and HTM put each value into coarse buckets of the series' range"
                    + " and flag what their memory has not seen), but here the range is that of"
                    + " the series' own first values, never the whole file's minimum and maximum"
                    + " that NAB hands its detectors and a stream cannot know. Its level settings"
                    + " were chosen on NAB; the next section shows its score across a grid around"
                    + " them, and when they are chosen on one half of NAB's series and scored on"
                    + " the other. Targets: the default at least 52 on the standard profile, above"
                    + " NAB's Random Cut Forest, and a detector at 60 or more: novelty scores"
                    + " %.1f.",
                NoveltyDetector.Levels.DEFAULT.learning(),
                NoveltyDetector.Levels.DEFAULT.bands(),
                NoveltyDetector.Levels.DEFAULT.rest(),
                Method.NOVELTY.defaultThreshold(),
                ours.get(DEFAULT).byProfile().get("standard")))
        .paragraph(
            "The k-nearest shingle (`knn`, the default before novelty) scores the distance from"
                + " the last five values' shape to the nearest shape among the previous 300, in"
                + " standard deviations of earlier distances, by how far it exceeds the largest of"
                + " the previous 200 values' so that one incident raises one alert. Its settings"
                + " were chosen on NAB itself too: shingles of 3 to 8 values, 150 to 600 of them"
                + " and suppression over 50 to 1,000 values scored 43 to 55; Numenta's likelihood"
                + " of the distances, or adding the value's z-score or the forest's score, did not"
                + " lift it. Random Cut Forest runs as OpenSearch runs it, from its reference"
                + " library (30 trees of 256 values each, over the value itself): a forest over"
                + " shingles of 4 or 8 values scored about 30 here, below the forest over single"
                + " values. The z-score of the delta, the default before the k-nearest shingle,"
                + " marks a shift in level once and raises false alarms on every noisy delta. The"
                + " uniform random row checks this scorer against NAB's random detector, whose"
                + " score also depends on its draws.")
        .heading("Novelty's settings")
        .paragraph(
            "The standard score with each of the level settings around the default (values"
                + " learnt, bands across their range, rest after a new level), the threshold swept"
                + " for each as NAB sweeps it; the default in bold.")
        .table(sensitivityTable(sensitivity))
        .paragraph(
            String.format(
                Locale.ROOT,
                "Across the grid: %s to %s, median %s. Chosen on NAB itself, a setting's score"
                    + " flatters it; the check below chooses the setting on every other series (in"
                    + " NAB's order, which mixes its categories) and scores it on the rest, the"
                    + " threshold swept on the held-out half as NAB sweeps it on the whole.",
                Percentiles.format(gridScores[0], 1),
                Percentiles.format(gridScores[gridScores.length - 1], 1),
                Percentiles.format(gridScores[gridScores.length / 2], 1)))
        .table(foldTable(sensitivity))
        .heading("Detection delay of the default detector")
        .paragraph(
            "Each series with labelled anomalies after its probation period, at the threshold"
                + " above: the delay of each anomaly's first detection in its window, in rows and"
                + " in the series' typical time step, or missed.")
        .table(perSeries)
        .heading("Speed")
        .paragraph(
            String.format(
                Locale.ROOT,
                "anomaly-service (its own JVM, as `bin/suite up` starts it, with its default"
                    + " detector) scores a backlog of %,d feature snapshots of %,d entities on a"
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
                    + " consumer. Anomalies found in the backlog: %,d. With %,d snapshots per"
                    + " entity, each series' detector compares its shingles with a full history for"
                    + " most of the run. The service, the broker and this benchmark share the"
                    + " machine's two cores, and the rate moves by a fifth between runs.",
                rate(speed.sustained()),
                speed.sustained() / speed.bareConsumer(),
                speed.anomalies(),
                speed.snapshots() / speed.entities()));
  }

  private static List<List<String>> sensitivityTable(Sensitivity sensitivity) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("values learnt", "bands"));
    for (int rest : REST) {
      header.add("rest " + rest);
    }
    rows.add(header);
    for (int learning : LEARNING) {
      for (int bands : BANDS) {
        List<String> row =
            new ArrayList<>(List.of(String.valueOf(learning), String.valueOf(bands)));
        for (int rest : REST) {
          NoveltyDetector.Levels levels = new NoveltyDetector.Levels(learning, bands, rest);
          String score = Percentiles.format(sensitivity.scores().get(levels), 1);
          row.add(levels.equals(NoveltyDetector.Levels.DEFAULT) ? "**" + score + "**" : score);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<String>> foldTable(Sensitivity sensitivity) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "series held out",
            "setting chosen on the others (learnt, bands, rest)",
            "its score on the held-out series",
            "the default's"));
    for (Fold fold : sensitivity.folds()) {
      NoveltyDetector.Levels chosen = fold.chosen();
      rows.add(
          List.of(
              fold.half(),
              chosen.learning() + ", " + chosen.bands() + ", " + chosen.rest(),
              Percentiles.format(fold.chosenScore(), 1),
              Percentiles.format(fold.defaultScore(), 1)));
    }
    return rows;
  }

  private static String delay(int rows, Duration step) {
    String sign = rows > 0 ? "+" : rows < 0 ? "-" : "";
    return sign + Math.abs(rows) + " (" + sign + duration(step.multipliedBy(Math.abs(rows))) + ")";
  }

  private static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes == 0) {
      return duration.getSeconds() + " s";
    }
    if (minutes < 120) {
      return minutes + " min";
    }
    return minutes % 60 == 0 && minutes < 48 * 60
        ? minutes / 60 + " h"
        : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static List<String> row(
      String name, String source, Map<String, Double> scores, Set<String> profiles) {
    List<String> row = new ArrayList<>(List.of(name, source));
    profiles.forEach(
        p -> row.add(scores.containsKey(p) ? Percentiles.format(scores.get(p), 1) : ""));
    return row;
  }
}
