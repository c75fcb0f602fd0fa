package dev.eventsuite.platform.faults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an injected {@link StoreOutage} lasts, as a service whose database cannot be
 * reached is not: load balancers and the fault suite see the outage.
 */
@Readiness
@ApplicationScoped
public class StoreOutageReadiness implements HealthCheck {

  private final StoreOutage outage;

  @Inject
  public StoreOutageReadiness(StoreOutage outage) {
    this.outage = outage;
  }

  @Override
  public HealthCheckResponse call() {
    return outage
        .activeUntil()
        .map(
            end ->
                HealthCheckResponse.named("stores")
                    .down()
                    .withData("error", "an injected store outage, until " + end)
                    .build())
        .orElseGet(() -> HealthCheckResponse.up("stores"));
  }
}
