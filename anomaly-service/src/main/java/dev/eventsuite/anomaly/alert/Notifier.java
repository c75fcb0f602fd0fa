package dev.eventsuite.anomaly.alert;

/** Somewhere alerts go. */
public interface Notifier {

  /** A short name for metrics and logs, e.g. {@code webhook}. */
  String name();

  /**
   * Delivers one alert.
   *
   * @throws Exception when it was not delivered; the dispatcher tries again later
   */
  void send(Alert alert) throws Exception;
}
