package dev.eventsuite.platform.kafka;

import dev.eventsuite.platform.config.SuiteConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the Kafka cluster answers within the configured time; says how the service talks
 * to it (its security protocol), so an operator can see that it goes over TLS.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

  private final Admin admin;
  private final String protocol;
  private final long timeoutMillis;

  @Inject
  public KafkaReadiness(
      KafkaClients clients,
      SuiteConfig config,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.admin = clients.admin(service + "-health");
    this.protocol = clients.securityProtocol();
    this.timeoutMillis = config.kafka().readinessTimeout().toMillis();
  }

  @Override
  public HealthCheckResponse call() {
    try {
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis))
              .nodes()
              .get(timeoutMillis, TimeUnit.MILLISECONDS);
      return HealthCheckResponse.named("kafka")
          .up()
          .withData("nodes", nodes.size())
          .withData("protocol", protocol)
          .build();
    } catch (ExecutionException | TimeoutException e) {
      return HealthCheckResponse.named("kafka")
          .down()
          .withData("error", "the Kafka cluster did not answer: " + e.getMessage())
          .withData("protocol", protocol)
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheckResponse.named("kafka").down().build();
    }
  }

  void close(@Observes ShutdownEvent event) {
    admin.close();
  }
}
