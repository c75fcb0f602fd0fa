package dev.eventsuite.anomaly.domain;

import java.util.Objects;

/**
 * One entity's metric: what a detector follows.
 *
 * @param entityId the entity
 * @param metric the metric's name, {@value #UNNAMED} for the unnamed metric
 */
public record SeriesKey(String entityId, String metric) {

  /** The unnamed metric's name in keys, stores and configuration. */
  public static final String UNNAMED = "_";

  public SeriesKey {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(metric, "metric");
  }

  /** The key of an entity's metric as events name it, null for the unnamed one. */
  public static SeriesKey of(String entityId, String metric) {
    return new SeriesKey(entityId, metric == null || metric.isEmpty() ? UNNAMED : metric);
  }
}
