package dev.eventsuite.anomaly;

import static org.awaitility.Awaitility.await;

import dev.eventsuite.oci.OciApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where alerts go in tests: a webhook receiver and a stub of the OCI Notifications API that the
 * real SDK client publishes to, both recording what they receive. The webhook answers 503 to the
 * alerts a test tells it to refuse.
 */
public class AlertReceivers implements QuarkusTestResourceLifecycleManager {

  public static final String TOPIC_ID = "ocid1.onstopic.oc1..alerts";

  public static volatile OciApiStub webhook;
  public static volatile OciApiStub notifications;

  /** Alerts whose body contains one of these, the webhook refuses. */
  public static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

  @Override
  public Map<String, String> start() {
    try {
      webhook =
          new OciApiStub(
              request -> {
                String body = new String(request.body(), StandardCharsets.UTF_8);
                boolean refused = REFUSED.stream().anyMatch(body::contains);
                return refused
                    ? OciApiStub.Response.json(503, "{\"error\":\"unavailable\"}")
                    : OciApiStub.Response.json(200, "{\"ok\":true}");
              });
      notifications =
          new OciApiStub(
              request ->
                  OciApiStub.Response.json(
                      200, "{\"messageId\":\"m-1\",\"timeStamp\":\"2025-01-01T00:00:00Z\"}"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of(
        "suite.anomaly.alerts.webhook.url",
        webhook.endpoint() + "/hooks/alerts",
        "suite.anomaly.alerts.notifications.topic-id",
        TOPIC_ID,
        "suite.anomaly.alerts.notifications.endpoint",
        notifications.endpoint(),
        "suite.anomaly.alerts.initial-backoff",
        "50ms",
        "suite.anomaly.alerts.suppression",
        "1h",
        "suite.oci.auth",
        "config-file",
        "suite.oci.config-file",
        notifications.configFile().toString());
  }

  /** The alerts a receiver got whose body mentions the text, once there is one. */
  public static List<OciApiStub.Request> awaitAlerts(OciApiStub receiver, String text) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> alerts(receiver, text), a -> !a.isEmpty());
  }

  /** The alerts a receiver got so far whose body mentions the text. */
  public static List<OciApiStub.Request> alerts(OciApiStub receiver, String text) {
    return receiver.requests().stream().filter(r -> body(r).contains(text)).toList();
  }

  public static String body(OciApiStub.Request request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  @Override
  public void stop() {
    try {
      webhook.close();
      notifications.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
