package dev.eventsuite.anomaly.alert;

import com.oracle.bmc.ons.NotificationDataPlaneClient;
import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.oci.OciAuthentication;
import dev.eventsuite.oci.OciClients;
import dev.eventsuite.oci.OciConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The notifiers configured: a webhook, OCI Notifications, both or none. */
public class AlertsProducer {

  /** Made at start, so a notifier that cannot be set up stops the service at once. */
  @Produces
  @Singleton
  @Startup
  Notifiers notifiers(AnomalyConfig config, OciConfig oci) {
    AnomalyConfig.Alerts alerts = config.alerts();
    List<Notifier> notifiers = new ArrayList<>();
    alerts
        .webhook()
        .url()
        .ifPresent(url -> notifiers.add(new WebhookNotifier(url, alerts.webhook().timeout())));
    alerts
        .notifications()
        .topicId()
        .ifPresent(
            topic -> notifiers.add(new OciNotificationsNotifier(client(alerts, oci), topic)));
    return new Notifiers(notifiers);
  }

  private static NotificationDataPlaneClient client(AnomalyConfig.Alerts alerts, OciConfig oci) {
    return OciClients.located(
            NotificationDataPlaneClient.builder(), oci.region(), alerts.notifications().endpoint())
        .build(OciAuthentication.provider(oci));
  }
}
