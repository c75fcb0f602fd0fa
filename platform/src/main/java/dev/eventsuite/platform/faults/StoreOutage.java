package dev.eventsuite.platform.faults;

import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.store.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An outage of this service's stores, injected by the fault suite: until it ends, every connection
 * to the database and every write to the vector index fails as an unreachable store's would. It can
 * be started only where {@code suite.faults.enabled} is set.
 */
@Singleton
public class StoreOutage {

  private static final Logger LOG = Logger.getLogger(StoreOutage.class);

  private final boolean enabled;
  private volatile Instant until = Instant.MIN;

  @Inject
  public StoreOutage(SuiteConfig config) {
    this.enabled = config.faults().enabled();
  }

  /** Whether outages may be injected here. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Makes the stores fail from now for the given time.
   *
   * @return when the outage ends
   * @throws IllegalStateException when fault injection is off
   */
  public Instant start(Duration length) {
    if (!enabled) {
      throw new IllegalStateException("fault injection is off (suite.faults.enabled)");
    }
    Instant end = Instant.now().plus(length);
    until = end;
    LOG.warnf("store outage injected: every store fails until %s", end);
    return end;
  }

  /** When the outage in progress ends, if there is one. */
  public Optional<Instant> activeUntil() {
    Instant end = until;
    return end.isAfter(Instant.now()) ? Optional.of(end) : Optional.empty();
  }

  /**
   * Fails while an outage lasts.
   *
   * @param store what is being used, for the message
   * @throws StoreUnavailableException during an outage
   */
  public void check(String store) {
    if (enabled) {
      activeUntil()
          .ifPresent(
              end -> {
                throw new StoreUnavailableException(
                    store + " is unavailable (an injected outage, until " + end + ")");
              });
    }
  }
}
