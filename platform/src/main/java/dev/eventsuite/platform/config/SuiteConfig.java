package dev.eventsuite.platform.config;

import dev.eventsuite.events.Topics;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration every service shares: the data folder, keys, topic names and Kafka behaviour. */
@ConfigMapping(prefix = "suite")
public interface SuiteConfig {

  /** The folder of local data: buckets, embedded stores, indexes. */
  @WithDefault("./.data")
  Path dataDir();

  /**
   * The key callers present on user-facing APIs ({@code X-API-Key} or {@code Authorization:
   * Bearer}). Environment: {@code SUITE_API_KEY}. Without one, those APIs refuse every call.
   */
  Optional<String> apiKey();

  /**
   * The key for administrative endpoints. Environment: {@code SUITE_ADMIN_KEY}. Without one,
   * administrative endpoints accept the API key.
   */
  Optional<String> adminKey();

  /** Topic names. */
  TopicNames topics();

  /** How the services use Kafka beyond the {@code kafka.*} client settings. */
  KafkaBehaviour kafka();

  /** The relational store of services that keep state. */
  Store store();

  /** HTTP limits beyond Quarkus's own. */
  Http http();

  /** Bearer tokens accepted besides the keys. */
  Auth auth();

  /** Faults the fault suite may inject into a running service. */
  Faults faults();

  /** Fault injection, for the fault suite: off unless enabled. */
  interface Faults {

    /**
     * Whether an administrator may make this service's stores fail for a while ({@code POST
     * /api/v1/admin/faults/store-outage}). Never on in production.
     */
    @WithDefault("false")
    boolean enabled();
  }

  /** Bearer tokens. */
  interface Auth {

    /** OAuth2/OIDC access tokens (JWT); off unless an issuer is configured. */
    Jwt jwt();
  }

  /**
   * Access tokens signed by an identity provider (OCI IAM identity domains, Keycloak, Entra ID,
   * Auth0...). Their permissions name collections: {@code read:<collection>}, {@code
   * write:<collection>} ({@code *} for every collection) and {@code admin}.
   */
  interface Jwt {

    /**
     * The {@code iss} tokens must carry, e.g. {@code https://idcs-....identity.oraclecloud.com}.
     */
    Optional<String> issuer();

    /** The {@code aud} tokens must include. */
    @WithDefault("event-suite")
    String audience();

    /**
     * Where the provider's signing keys are, as a JWKS: an {@code https:} URL (fetched and
     * refreshed when a token names a key not seen yet) or a {@code file:} one.
     */
    Optional<java.net.URI> jwks();

    /**
     * The claim holding the permissions: a JSON array of them, or a space-separated string as in
     * OAuth2's {@code scope}.
     */
    @WithDefault("scope")
    String permissionsClaim();

    /** How far clocks may differ when checking {@code exp} and {@code nbf}. */
    @WithDefault("30s")
    Duration clockSkew();
  }

  /** HTTP limits. */
  interface Http {

    /**
     * The largest JSON request body. JSON is read whole, so it has a limit of its own below {@code
     * quarkus.http.limits.max-body-size}, which bounds streamed uploads.
     */
    @WithDefault("16M")
    MemorySize maxJsonBodySize();
  }

  /** Which relational store a service uses. */
  interface Store {

    /**
     * {@code h2}: the embedded H2 database in the data folder; {@code oracle}: Oracle Database
     * through the {@code oracle} datasource (the {@code oci} profile's choice).
     */
    @WithDefault("h2")
    Kind kind();

    /** The relational stores. */
    enum Kind {
      H2,
      ORACLE
    }
  }

  /** Topic names; each defaults to the name in {@link Topics} (also the OCI stream name). */
  interface TopicNames {

    @WithDefault(Topics.OBJECT_EVENTS_NAME)
    String objectEvents();

    @WithDefault(Topics.METRIC_EVENTS_NAME)
    String metricEvents();

    @WithDefault(Topics.DOCUMENTS_NAME)
    String documents();

    @WithDefault(Topics.DOCUMENT_CHUNKS_NAME)
    String documentChunks();

    @WithDefault(Topics.FEATURES_NAME)
    String features();

    @WithDefault(Topics.ANOMALIES_NAME)
    String anomalies();
  }

  /** Producer and consumer behaviour. */
  interface KafkaBehaviour {

    /**
     * Whether producers are idempotent. OCI Streaming does not support idempotent producers: the
     * {@code oci} profile turns this off.
     */
    @WithDefault("true")
    boolean idempotence();

    /** The largest request a producer sends; OCI Streaming caps messages and requests at 1 MB. */
    @WithDefault("1048576")
    int maxRequestSize();

    /** The most bytes fetched from one partition at once; 1 MB on OCI Streaming. */
    @WithDefault("1048576")
    int maxPartitionFetchBytes();

    /** How long a producer waits to fill a batch. */
    @WithDefault("5ms")
    Duration linger();

    /** Compression of produced batches: none, gzip, snappy, lz4 or zstd. */
    @WithDefault("none")
    String compression();

    /**
     * How often consumers make their effects durable and commit offsets. Shorter means less
     * replayed work after a crash; longer means fewer flushes.
     */
    @WithDefault("1s")
    Duration commitInterval();

    /**
     * How often a record whose processing throws is tried before it goes to the dead-letter topic.
     */
    @WithDefault("3")
    int maxAttempts();

    /** The longest pause between retries after a failed checkpoint. */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long a consumer may go without a heartbeat before its group gives its partitions to
     * another member. A clean stop leaves the group at once; this is how long a crashed instance
     * holds its partitions.
     */
    @WithDefault("15s")
    Duration sessionTimeout();

    /** How long the readiness check waits for the broker. */
    @WithDefault("3s")
    Duration readinessTimeout();
  }
}
