package dev.eventsuite.anomaly.alert;

import com.oracle.bmc.ons.NotificationDataPlane;
import com.oracle.bmc.ons.model.MessageDetails;
import com.oracle.bmc.ons.requests.PublishMessageRequest;
import dev.eventsuite.events.EventJson;

/**
 * Publishes each alert to an OCI Notifications topic, whose subscriptions (email, Slack, PagerDuty,
 * functions, HTTPS) fan it out. The title is the alert's title; the body its text followed by the
 * anomaly as JSON.
 */
public final class OciNotificationsNotifier implements Notifier {

  /** OCI Notifications caps a message's title at 255 characters. */
  static final int MAX_TITLE = 255;

  private final NotificationDataPlane client;
  private final String topicId;

  public OciNotificationsNotifier(NotificationDataPlane client, String topicId) {
    this.client = client;
    this.topicId = topicId;
  }

  @Override
  public String name() {
    return "oci-notifications";
  }

  @Override
  public void send(Alert alert) {
    String title = alert.title();
    client.publishMessage(
        PublishMessageRequest.builder()
            .topicId(topicId)
            .messageType(PublishMessageRequest.MessageType.RawText)
            .messageDetails(
                MessageDetails.builder()
                    .title(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title)
                    .body(alert.text() + "\n\n" + EventJson.toJson(alert.anomaly()))
                    .build())
            .build());
  }
}
