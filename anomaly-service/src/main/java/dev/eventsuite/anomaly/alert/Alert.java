package dev.eventsuite.anomaly.alert;

import dev.eventsuite.events.anomaly.AnomalyDetected;
import java.util.Locale;

/**
 * An anomaly announced to people.
 *
 * @param anomaly the anomaly
 * @param suppressed the entity's anomalies not announced since its previous alert
 */
public record Alert(AnomalyDetected anomaly, long suppressed) {

  /** A one-line title. */
  public String title() {
    return "Anomaly in "
        + anomaly.entityId()
        + (anomaly.metric() == null ? "" : " / " + anomaly.metric());
  }

  /** The text people read, in Slack's plain {@code text} form. */
  public String text() {
    StringBuilder text =
        new StringBuilder(":rotating_light: ")
            .append(title())
            .append(": ")
            .append(anomaly.method())
            .append(" score ")
            .append(String.format(Locale.ROOT, "%.2f", anomaly.score()))
            .append(" (threshold ")
            .append(String.format(Locale.ROOT, "%.2f", anomaly.threshold()))
            .append(") on ")
            .append(anomaly.feature());
    if (anomaly.value() != null) {
      text.append(", value ").append(anomaly.value());
    }
    text.append(" at ")
        .append(anomaly.eventTime())
        .append(" (event ")
        .append(anomaly.eventId())
        .append(')');
    if (suppressed > 0) {
      text.append(". ")
          .append(suppressed)
          .append(suppressed == 1 ? " more anomaly" : " more anomalies")
          .append(" of this entity since the previous alert were not announced.");
    }
    return text.toString();
  }
}
