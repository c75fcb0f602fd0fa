package dev.eventsuite.anomaly;

import dev.eventsuite.events.feature.EntityActivity;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.events.feature.SeriesFeatures;
import dev.eventsuite.events.feature.WindowStatistics;
import java.time.Instant;
import java.util.Map;

/**
 * Feature snapshots of one entity's metric as enrich-service publishes them, one value after
 * another: the input anomaly-service reads.
 */
public final class Snapshots {

  private final String entityId;
  private final String metric;
  private final Instant start;
  private int count;
  private Double last;
  private double sum;
  private Instant lastTime;

  public Snapshots(String entityId, String metric, Instant start) {
    this.entityId = entityId;
    this.metric = metric;
    this.start = start;
  }

  /** The snapshot after the next value, one minute after the previous one. */
  public FeaturesUpdated next(double value) {
    Instant time = start.plusSeconds(60L * count);
    count++;
    sum += value;
    Double previous = last;
    double mean = sum / count;
    SeriesFeatures series =
        new SeriesFeatures(
            metric,
            count,
            value,
            previous,
            previous == null ? null : value - previous,
            previous == null || previous == 0 ? null : value / previous,
            mean,
            0,
            mean,
            Map.of("5m", new WindowStatistics(Math.min(count, 5), mean, 0, value, value)));
    EntityActivity activity =
        new EntityActivity(
            count,
            Map.of("5m", (long) Math.min(count, 5)),
            time,
            null,
            lastTime == null ? null : (double) (time.getEpochSecond() - lastTime.getEpochSecond()));
    last = value;
    lastTime = time;
    return new FeaturesUpdated(
        entityId,
        entityId + "-" + metric + "-" + (count - 1),
        time,
        metric,
        value,
        null,
        false,
        activity,
        series,
        null,
        time);
  }
}
