package dev.eventsuite.anomaly.alert;

import java.util.List;

/**
 * The notifiers configured: a webhook, OCI Notifications, both or none.
 *
 * @param all each notifier, named uniquely
 */
public record Notifiers(List<Notifier> all) {

  public Notifiers {
    all = List.copyOf(all);
  }
}
