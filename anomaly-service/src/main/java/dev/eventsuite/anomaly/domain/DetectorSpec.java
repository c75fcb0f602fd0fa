package dev.eventsuite.anomaly.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one entity's metric is scored: resolved from configuration for each entity and metric.
 *
 * @param method the detector
 * @param feature the feature the detectors of one feature score
 * @param threshold the score above which an event is an anomaly
 * @param warmUp events learnt before the detector of one feature scores
 * @param window the robust z-score's values
 * @param globalBaseline whether the z-score detector scores an entity still warming up against all
 *     entities of the metric
 * @param model the model detector's model name
 * @param inputs the model detector's input features, in the model's order
 */
public record DetectorSpec(
    Method method,
    Feature feature,
    double threshold,
    int warmUp,
    int window,
    boolean globalBaseline,
    String model,
    List<Feature> inputs) {

  /** The detectors, each with the threshold it has unless one is configured. */
  public enum Method {
    /** {@link NoveltyDetector} over one feature. */
    NOVELTY(14),
    /** {@link KnnDetector} over one feature. */
    KNN(2.5),
    /** {@link RandomCutForestDetector} over one feature. */
    RANDOM_CUT_FOREST(3.5),
    /** {@link ZScoreDetector} over one feature. */
    ZSCORE(3),
    /** {@link RobustZScoreDetector} over one feature. */
    ROBUST_ZSCORE(3.5),
    /** A user's model over a vector of features. */
    MODEL(3);

    private final double defaultThreshold;

    Method(double defaultThreshold) {
      this.defaultThreshold = defaultThreshold;
    }

    /** The threshold of this detector where none is configured. */
    public double defaultThreshold() {
      return defaultThreshold;
    }

    /** The name in configuration and in results: {@code zscore}, {@code robust-zscore}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public DetectorSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(feature, "feature");
    inputs = List.copyOf(inputs);
    if (method == Method.MODEL && (model == null || inputs.isEmpty())) {
      throw new IllegalArgumentException("the model detector needs a model and its input features");
    }
  }

  /** The method as results name it: {@code zscore}, {@code robust-zscore} or {@code model:name}. */
  public String methodName() {
    return method == Method.MODEL ? "model:" + model : method.label();
  }

  /** The feature as results name it: one feature, or the model's inputs joined by commas. */
  public String featureName() {
    return method == Method.MODEL
        ? String.join(",", inputs.stream().map(Feature::name).toList())
        : feature.name();
  }

  /** A new detector of one feature's values; not for the model detector. */
  public Detector newDetector(RunningStats baseline) {
    return switch (method) {
      case NOVELTY -> new NoveltyDetector(warmUp, threshold);
      case KNN -> new KnnDetector(warmUp, threshold);
      case RANDOM_CUT_FOREST -> new RandomCutForestDetector(warmUp, threshold);
      case ZSCORE -> new ZScoreDetector(warmUp, threshold, globalBaseline ? baseline : null);
      case ROBUST_ZSCORE -> new RobustZScoreDetector(window, threshold);
      case MODEL -> throw new IllegalStateException("the model detector scores vectors");
    };
  }
}
