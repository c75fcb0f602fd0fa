package dev.eventsuite.anomaly.store;

import dev.eventsuite.testing.ContainerImages;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.oracle.OracleContainer;

/**
 * Oracle Database Free in a container as the service's store: the {@code oracle} datasource active,
 * pointed at it, and chosen by {@code suite.store.kind}, as in the {@code oci} profile.
 */
public class OracleDatabase implements QuarkusTestResourceLifecycleManager {

  private OracleContainer oracle;

  @Override
  public Map<String, String> start() {
    oracle = new OracleContainer(ContainerImages.ORACLE_FREE).withStartupAttempts(1);
    oracle.start();
    return Map.of(
        "suite.store.kind", "oracle",
        "quarkus.datasource.oracle.active", "true",
        "quarkus.datasource.oracle.jdbc.url", oracle.getJdbcUrl(),
        "quarkus.datasource.oracle.username", oracle.getUsername(),
        "quarkus.datasource.oracle.password", oracle.getPassword());
  }

  @Override
  public void stop() {
    if (oracle != null) {
      oracle.stop();
    }
  }
}
