package dev.eventsuite.bench.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Numenta Anomaly Benchmark's scoring, from its published definition (NAB v1.1, {@code
 * nab/sweeper.py}): the first 15 % of each series (at most 750 rows) is a probation period and not
 * scored; a detection inside a labelled window earns the scaled sigmoid of its position (1 at the
 * window's start, falling towards its end), and only the window's earliest detection counts; a
 * window without one costs the miss weight; a detection outside windows costs the false-positive
 * weight times the scaled sigmoid of its distance past the last window (-1 before the first). The
 * threshold is the one that gives the best total over all series, and the total is normalised so
 * that detecting nothing scores 0 and detecting each window at its start scores 100.
 */
public final class NabScorer {

  /** A profile's costs, as in NAB's {@code config/profiles.json}. */
  public record Profile(double tpWeight, double fpWeight, double fnWeight) {
    public static final Profile STANDARD = new Profile(1.0, 0.11, 1.0);
  }

  /**
   * One series' anomaly scores and labels.
   *
   * @param scores the detector's score of each row, in time order
   * @param windows each window's first and last row, inclusive, in order
   */
  public record Series(double[] scores, List<int[]> windows) {}

  /** The result: the best threshold, the raw total there, and the normalised score. */
  public record Result(double threshold, double raw, double normalized) {}

  private final Profile profile;

  public NabScorer(Profile profile) {
    this.profile = profile;
  }

  static double scaledSigmoid(double relativePosition) {
    return relativePosition > 3.0 ? -1.0 : 2 / (1 + Math.exp(5 * relativePosition)) - 1;
  }

  static int probation(int rows) {
    return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
  }

  /**
   * A scorable row: its score, the window it lies in (-1 for none), and what detecting it is worth.
   */
  private record Row(double score, int window, double worth) {}

  public Result score(List<Series> series) {
    List<Row> rows = new ArrayList<>();
    int windows = 0;
    for (Series each : series) {
      windows += rows(each, windows, rows);
    }
    rows.sort(Comparator.comparingDouble(Row::score).reversed());
    double[] windowCredit = new double[windows];
    Arrays.fill(windowCredit, Double.NaN);
    double tp = 0;
    double fp = 0;
    int detected = 0;
    double best = -profile.fnWeight() * windows;
    double bestThreshold = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.window() < 0) {
        fp += row.worth();
      } else if (Double.isNaN(windowCredit[row.window()])) {
        windowCredit[row.window()] = row.worth();
        tp += row.worth();
        detected++;
      } else if (row.worth() > windowCredit[row.window()]) {
        tp += row.worth() - windowCredit[row.window()];
        windowCredit[row.window()] = row.worth();
      }
      boolean lastOfItsScore = i == rows.size() - 1 || rows.get(i + 1).score() != row.score();
      if (lastOfItsScore) {
        double total = tp + fp - profile.fnWeight() * (windows - detected);
        if (total > best) {
          best = total;
          bestThreshold = row.score();
        }
      }
    }
    double none = -profile.fnWeight() * windows;
    double perfect = profile.tpWeight() * windows;
    return new Result(bestThreshold, best, 100 * (best - none) / (perfect - none));
  }

  /** Adds the series' scorable rows; returns how many windows it has after probation. */
  private int rows(Series series, int firstWindow, List<Row> rows) {
    int length = series.scores().length;
    int probation = probation(length);
    double maxTp = scaledSigmoid(-1.0);
    int[] windowOf = new int[length];
    Arrays.fill(windowOf, -1);
    List<int[]> windows = series.windows();
    int counted = 0;
    int[] numbering = new int[windows.size()];
    for (int w = 0; w < windows.size(); w++) {
      int[] window = windows.get(w);
      numbering[w] = window[1] >= probation ? firstWindow + counted++ : -1;
      for (int i = window[0]; i <= window[1]; i++) {
        windowOf[i] = w;
      }
    }
    int previousEnd = -1;
    int previousWidth = 0;
    for (int i = 0; i < length; i++) {
      int w = windowOf[i];
      double worth;
      if (w >= 0) {
        int[] window = windows.get(w);
        double width = window[1] - window[0] + 1;
        worth = scaledSigmoid(-(window[1] - i + 1) / width) * profile.tpWeight() / maxTp;
        if (i == window[1]) {
          previousEnd = i;
          previousWidth = (int) width;
        }
      } else if (previousEnd < 0) {
        worth = -1.0 * profile.fpWeight();
      } else {
        worth =
            scaledSigmoid(Math.abs(previousEnd - i) / (double) (previousWidth - 1))
                * profile.fpWeight();
      }
      if (i >= probation) {
        rows.add(new Row(series.scores()[i], w >= 0 ? numbering[w] : -1, worth));
      }
    }
    return counted;
  }
}
