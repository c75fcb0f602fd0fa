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

  /** How documents are cut into chunks. */
  Chunks chunks();

  /**
   * Chunks of documents, sized for the embedding models: all-MiniLM-L6-v2 reads 256 tokens,
   * bge-small-en-v1.5 512, both with the same tokenizer.
   */
  interface Chunks {

    /** The most tokens of the embedding model's tokenizer in one chunk. */
    @WithDefault("250")
    int maxTokens();

    /** Tokens shared by neighbouring chunks, so no sentence loses its context at a cut. */
    @WithDefault("30")
    int overlapTokens();

    /** Document sections consumed in one poll. */
    @WithDefault("20")
    int maxPollRecords();
  }

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

    /**
     * How far ahead of this service's clock an event's time may be. Later times (a year 9999 typed
     * by mistake) would become the entity's latest event and make every real event after it late;
     * they are dead-lettered instead. Times in the past have no bound: replaying history is a use.
     */
    @WithDefault("1d")
    Duration maxFuture();

    /** The weight of the newest value in the exponentially weighted moving average. */
    @WithDefault("0.2")
    double ewmaAlpha();

    /**
     * How many buckets each window is kept in: window answers are exact to one bucket, the window's
     * length divided by this (5 s of a 5-minute window at 60).
     */
    @WithDefault("60")
    int windowSlices();

    /**
     * How often changed entities are written to the feature store and offsets committed. Longer
     * means fewer writes of busy entities; a crash replays at most this much of the stream.
     */
    @WithDefault("5s")
    Duration checkpointInterval();

    /** The most metric events consumed in one poll. */
    @WithDefault("2000")
    int maxPollRecords();

    default FeatureSettings settings() {
      return new FeatureSettings(
          windows(), allowedLateness(), latePolicy(), ewmaAlpha(), windowSlices());
    }
  }
}
