package dev.eventsuite.enrich.config;

import dev.eventsuite.enrich.domain.FeatureSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** enrich-service's own configuration. */
@ConfigMapping(prefix = "suite.enrich")
public interface EnrichConfig {

  /** How features are computed from metric events. */
  Features features();

  /** Features of metric events. */
  interface Features {

    /** The trailing windows of event time that counts and window statistics cover. */
    @WithDefault("5m")
    List<Duration> windows();

    /** How far behind an entity's latest event an event may arrive and still count. */
    @WithDefault("1m")
    Duration allowedLateness();

    /** What happens to later events: {@code dead-letter} or {@code drop}; both are counted. */
    @WithDefault("dead-letter")
    FeatureSettings.LatePolicy latePolicy();

    /** The weight of the newest value in the exponentially weighted moving average. */
    @WithDefault("0.2")
    double ewmaAlpha();

    /** The resolution of the windows. */
    @WithDefault("1s")
    Duration bucket();

    /** The most metric events consumed in one poll. */
    @WithDefault("2000")
    int maxPollRecords();

    default FeatureSettings settings() {
      return new FeatureSettings(windows(), allowedLateness(), latePolicy(), ewmaAlpha(), bucket());
    }
  }
}
