package dev.eventsuite.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down when a stream loop has died: the service no longer consumes and should be restarted. A loop
 * that is backing off after a failure is alive; its last error is reported.
 */
@Liveness
@ApplicationScoped
public class StreamLoopsLiveness implements HealthCheck {

  private final StreamLoops loops;

  @Inject
  public StreamLoopsLiveness(StreamLoops loops) {
    this.loops = loops;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("stream loops").up();
    for (StreamLoop loop : loops.loops()) {
      response.withData(loop.name(), loop.state().name());
      if (loop.lastError() != null) {
        response.withData(loop.name() + ".lastError", loop.lastError());
      }
      if (loop.state() == StreamLoop.State.FAILED) {
        response.down();
      }
    }
    return response.build();
  }
}
