package dev.eventsuite.platform.faults;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;

/**
 * Refuses the default datasource's connections during a {@link StoreOutage}, as a database that
 * cannot be reached does: every statement of the service fails, and so does its readiness check.
 */
@ApplicationScoped
@Unremovable
public class StoreOutageInterceptor implements AgroalPoolInterceptor {

  private final StoreOutage outage;

  @Inject
  public StoreOutageInterceptor(StoreOutage outage) {
    this.outage = outage;
  }

  @Override
  public void onConnectionAcquire(Connection connection) {
    outage.check("the database");
  }
}
