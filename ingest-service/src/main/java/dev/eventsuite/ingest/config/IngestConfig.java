package dev.eventsuite.ingest.config;

import dev.eventsuite.ingest.domain.Categories;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ingest-service's own configuration. */
@ConfigMapping(prefix = "suite.ingest")
public interface IngestConfig {

  /** Where objects live: {@code local} folders, or {@code oci} Object Storage. */
  @WithDefault("local")
  StoreKind objectStore();

  /** Local buckets. */
  Local local();

  /** OCI Object Storage. */
  Oci oci();

  /** Limits that keep one object from hurting the service. */
  Limits limits();

  /** Tabular objects (CSV, TSV, JSON Lines, JSON arrays) into metric events. */
  Tabular tabular();

  /** Documents and images into sections. */
  Documents documents();

  /** OCI Notifications deliveries to {@code POST /api/v1/events}. */
  Notifications notifications();

  /** The object stores. */
  enum StoreKind {
    LOCAL,
    OCI
  }

  /** Local buckets: each folder under the root is a bucket. */
  interface Local {

    /** The folder whose sub-folders are the buckets. */
    @WithDefault("${suite.data-dir}/buckets")
    Path root();

    /** The namespace local objects are given in their events. */
    @WithDefault("local")
    String namespace();

    /** Whether files appearing, changing or vanishing in the buckets become object events. */
    @WithDefault("true")
    boolean watch();

    /** How long a file must stay unchanged before it counts as written. */
    @WithDefault("1s")
    Duration settle();

    /** How often every bucket is scanned in full, for changes the file system did not report. */
    @WithDefault("60s")
    Duration rescanInterval();
  }

  /** OCI Object Storage; authentication is {@code suite.oci.*}. */
  interface Oci {

    /** The Object Storage namespace; asked of the service when not set. */
    Optional<String> namespace();

    /** An endpoint other than the region's, e.g. a private endpoint. */
    Optional<String> endpoint();

    /** How much of an object one ranged read fetches. */
    @WithDefault("16M")
    MemorySize readChunkSize();
  }

  /** Size limits. */
  interface Limits {

    /** The largest object ingested at all. */
    @WithDefault("10G")
    MemorySize maxObjectSize();

    /** The largest document or image read for its text. */
    @WithDefault("100M")
    MemorySize maxDocumentSize();

    /** The longest text taken from one document, in characters. */
    @WithDefault("50000000")
    long maxDocumentChars();
  }

  /** Tabular objects. */
  interface Tabular {

    /**
     * Column mappings by {@code bucket} or {@code bucket/prefix}; the longest match wins. Tables
     * whose headers already say {@code entityId}, {@code timestamp}, {@code value} ... need none.
     */
    Map<String, Columns> columns();

    /** How many rows are published between two saves of an object's progress. */
    @WithDefault("10000")
    int progressEvery();
  }

  /** Which columns hold a metric event's fields. */
  interface Columns {

    Optional<String> entityId();

    Optional<String> timestamp();

    Optional<String> metric();

    Optional<String> value();

    Optional<String> eventType();

    /** A metric name for every row, when no column holds one. */
    Optional<String> metricName();
  }

  /** Documents. */
  interface Documents {

    /**
     * A document's category: {@code prefix} (the object name's first folder, the default), {@code
     * bucket}, or {@code none}; a bucket listed in {@code bucket-categories} always takes its own.
     */
    @WithDefault("prefix")
    Categories.Rule category();

    /** A fixed category per bucket. */
    Map<String, String> bucketCategories();

    /** Image analysis with OCI AI Vision. */
    Vision vision();
  }

  /** OCI AI Vision, off by default. */
  interface Vision {

    /** Whether images are sent to OCI AI Vision for labels. */
    @WithDefault("false")
    boolean enabled();

    /** The compartment the analysis runs in. */
    Optional<String> compartmentId();

    /** An endpoint other than the region's. */
    Optional<String> endpoint();

    /** The most labels kept per image. */
    @WithDefault("10")
    int maxLabels();
  }

  /** OCI Notifications. */
  interface Notifications {

    /**
     * Hosts a subscription confirmation URL may point to (the host or one of its parent domains);
     * the service confirms no other, so a forged request cannot make it call anywhere.
     */
    @WithDefault("oraclecloud.com")
    List<String> confirmationHosts();
  }
}
