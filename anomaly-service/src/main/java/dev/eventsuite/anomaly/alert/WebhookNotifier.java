package dev.eventsuite.anomaly.alert;

import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each alert as JSON to a URL: {@code text} for Slack-compatible receivers (incoming
 * webhooks, Mattermost, Teams workflows) and the whole {@code anomaly} for machines.
 */
public final class WebhookNotifier implements Notifier {

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  public WebhookNotifier(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(Alert alert) throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", alert.text());
    body.put("anomaly", alert.anomaly());
    body.put("suppressed", alert.suppressed());
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body)))
            .build();
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the webhook answered " + response.statusCode());
    }
  }
}
