package dev.eventsuite.anomaly.service;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.anomaly.domain.DetectorSpec;
import dev.eventsuite.anomaly.domain.Feature;
import dev.eventsuite.anomaly.domain.RunningStats;
import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.anomaly.domain.SeriesScorer;
import dev.eventsuite.anomaly.domain.VectorModel;
import dev.eventsuite.anomaly.model.VectorModels;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which detector scores each entity's metric: the default, changed by the metric's overrides, then
 * by the entity's. Every configured combination is checked at start, so a typo stops the service
 * instead of a stream.
 */
@Singleton
public class Detectors {

  private final DetectorSpec defaults;
  private final Map<String, DetectorSpec> byMetric = new HashMap<>();
  private final Map<String, AnomalyConfig.DetectorOverride> entityOverrides;
  private final Map<SeriesKey, DetectorSpec> resolved = new ConcurrentHashMap<>();
  private final Map<String, RunningStats> baselines = new ConcurrentHashMap<>();
  private final VectorModels models;

  @Inject
  public Detectors(AnomalyConfig config, VectorModels models) {
    this.models = models;
    AnomalyConfig.Detector base = config.detector();
    DetectorSpec.Method method = method(base.method());
    this.defaults =
        spec(
            method,
            base.feature(),
            base.threshold().orElse(method.defaultThreshold()),
            base.warmUp(),
            base.window(),
            base.globalBaseline(),
            base.model(),
            base.inputs());
    config.metrics().forEach((metric, override) -> byMetric.put(metric, merge(defaults, override)));
    this.entityOverrides = Map.copyOf(config.entities());
    entityOverrides.values().forEach(override -> merge(defaults, override));
    checkModels(defaults);
    byMetric.values().forEach(this::checkModels);
  }

  /** The detector of an entity's metric. */
  public DetectorSpec specOf(SeriesKey key) {
    return resolved.computeIfAbsent(
        key,
        k -> {
          DetectorSpec metricSpec = byMetric.getOrDefault(k.metric(), defaults);
          AnomalyConfig.DetectorOverride entity = entityOverrides.get(k.entityId());
          return entity == null ? metricSpec : merge(metricSpec, entity);
        });
  }

  /** A new scorer of an entity's metric, with the metric's shared baseline. */
  public SeriesScorer newScorer(SeriesKey key) {
    DetectorSpec spec = specOf(key);
    VectorModel model =
        spec.method() == DetectorSpec.Method.MODEL ? models.find(spec.model()).orElse(null) : null;
    return new SeriesScorer(
        spec, baselines.computeIfAbsent(key.metric(), m -> new RunningStats()), model);
  }

  /**
   * The base changed by an override; an override of the method without a threshold takes the new
   * method's own.
   */
  private DetectorSpec merge(DetectorSpec base, AnomalyConfig.DetectorOverride override) {
    DetectorSpec.Method method = override.method().map(Detectors::method).orElse(base.method());
    DetectorSpec merged =
        spec(
            method,
            override.feature().orElse(base.feature().name()),
            override
                .threshold()
                .orElse(method == base.method() ? base.threshold() : method.defaultThreshold()),
            override.warmUp().orElse(base.warmUp()),
            override.window().orElse(base.window()),
            override.globalBaseline().orElse(base.globalBaseline()),
            override.model().or(() -> Optional.ofNullable(base.model())),
            override
                .inputs()
                .or(() -> Optional.of(base.inputs().stream().map(Feature::name).toList())));
    checkModels(merged);
    return merged;
  }

  private static DetectorSpec spec(
      DetectorSpec.Method method,
      String feature,
      double threshold,
      int warmUp,
      int window,
      boolean globalBaseline,
      Optional<String> model,
      Optional<List<String>> inputs) {
    return new DetectorSpec(
        method,
        new Feature(feature),
        threshold,
        warmUp,
        window,
        globalBaseline,
        model.orElse(null),
        inputs.orElse(List.of()).stream().map(Feature::new).toList());
  }

  private static DetectorSpec.Method method(String name) {
    for (DetectorSpec.Method method : DetectorSpec.Method.values()) {
      if (method.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "unknown detector '"
            + name
            + "': expected novelty, knn, random-cut-forest, zscore, robust-zscore or model");
  }

  private void checkModels(DetectorSpec spec) {
    if (spec.method() == DetectorSpec.Method.MODEL && models.find(spec.model()).isEmpty()) {
      throw new IllegalArgumentException(
          "the model detector names the model '"
              + spec.model()
              + "', which is not in suite.anomaly.models");
    }
  }
}
