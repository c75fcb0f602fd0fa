package dev.eventsuite.anomaly.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** anomaly-service's configuration. */
@ConfigMapping(prefix = "suite.anomaly")
public interface AnomalyConfig {

  /** How every metric is scored unless {@link #metrics()} or {@link #entities()} say otherwise. */
  Detector detector();

  /** Overrides of {@link #detector()} per metric name ({@code _} for the unnamed metric). */
  Map<String, DetectorOverride> metrics();

  /** Overrides per entity id, which win over those per metric. */
  Map<String, DetectorOverride> entities();

  /** User-supplied ONNX models for the model detector, by name. */
  Map<String, Model> models();

  /** Reading {@code features}. */
  Stream stream();

  /** How long scored events and anomalies are kept. */
  @WithDefault("7d")
  Duration retention();

  /** Where anomalies are announced. */
  Alerts alerts();

  /** The default detector. */
  interface Detector {

    /**
     * {@code novelty}, {@code knn}, {@code random-cut-forest}, {@code zscore}, {@code
     * robust-zscore} or {@code model}.
     */
    @WithDefault("novelty")
    String method();

    /**
     * The feature the detectors of one feature score: {@code value}, {@code delta}, {@code ratio},
     * ... (see the README).
     */
    @WithDefault("value")
    String feature();

    /** The score above which an event is an anomaly; by default the method's own (see README). */
    OptionalDouble threshold();

    /** Events of an entity's metric the detector of one feature learns before it scores. */
    @WithDefault("30")
    int warmUp();

    /** Values the robust z-score's median and MAD are taken over. */
    @WithDefault("100")
    int window();

    /**
     * Whether the z-score detector scores an entity still warming up against the statistics of all
     * entities of the metric seen by this instance.
     */
    @WithDefault("false")
    boolean globalBaseline();

    /** The model detector's model, a name in {@code suite.anomaly.models}. */
    Optional<String> model();

    /** The model detector's input features, in the order the model takes them. */
    Optional<List<String>> inputs();
  }

  /** What a metric or an entity changes of the default detector; the rest is inherited. */
  interface DetectorOverride {

    Optional<String> method();

    Optional<String> feature();

    OptionalDouble threshold();

    OptionalInt warmUp();

    OptionalInt window();

    Optional<Boolean> globalBaseline();

    Optional<String> model();

    Optional<List<String>> inputs();
  }

  /** A user-supplied ONNX model. */
  interface Model {

    /**
     * The model file. It takes one float tensor of shape [n, inputs] and gives a score per row as
     * its first output.
     */
    Path path();
  }

  /** Reading {@code features}. */
  interface Stream {

    /** Feature snapshots handed to the detectors per poll. */
    @WithDefault("2000")
    int maxPollRecords();

    /**
     * How often scored events, anomalies and detector state are stored and offsets committed; a
     * crash replays at most this much.
     */
    @WithDefault("5s")
    Duration checkpointInterval();
  }

  /** Alerts: notifiers, retries and suppression. */
  interface Alerts {

    /**
     * At most one alert per entity in this interval; the anomalies in between are counted and the
     * count rides with the next alert.
     */
    @WithDefault("10m")
    Duration suppression();

    /** Tries of one alert on one notifier before it is given up. */
    @WithDefault("5")
    int maxAttempts();

    /** The pause after a first failed try; it doubles with each further one. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest pause between tries. */
    @WithDefault("1m")
    Duration maxBackoff();

    /** A webhook receiving a JSON POST per alert with Slack-compatible {@code text}. */
    Webhook webhook();

    /** OCI Notifications. */
    Notifications notifications();
  }

  /** The generic webhook. */
  interface Webhook {

    /** Where alerts are posted, e.g. a Slack incoming-webhook URL; none by default. */
    Optional<URI> url();

    /** How long one POST may take. */
    @WithDefault("5s")
    Duration timeout();
  }

  /** OCI Notifications, through the OCI SDK with {@code suite.oci.*} authentication. */
  interface Notifications {

    /** The OCID of the topic alerts are published to; none by default. */
    Optional<String> topicId();

    /** The Notifications API endpoint, when not the region's own. */
    Optional<String> endpoint();
  }
}
