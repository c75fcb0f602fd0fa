package dev.eventsuite.launcher.suite;

import java.util.List;

/** A process of the local suite: the broker or one of the five services. */
public enum Component {
  KAFKA("kafka", 9092, "512m"),
  INGEST("ingest-service", 8081, "768m"),
  ENRICH("enrich-service", 8082, "768m"),
  EMBED("embed-service", 8083, "1g"),
  SEARCH("search-service", 8080, "1g"),
  ANOMALY("anomaly-service", 8084, "768m");

  private final String id;
  private final int defaultPort;
  private final String maxHeap;

  Component(String id, int defaultPort, String maxHeap) {
    this.id = id;
    this.defaultPort = defaultPort;
    this.maxHeap = maxHeap;
  }

  /** The name used everywhere: process, log file, Maven module, image. */
  public String id() {
    return id;
  }

  public int defaultPort() {
    return defaultPort;
  }

  public String maxHeap() {
    return maxHeap;
  }

  public boolean isService() {
    return this != KAFKA;
  }

  /** The five services, the user-facing one first. */
  public static List<Component> services() {
    return List.of(SEARCH, INGEST, ENRICH, EMBED, ANOMALY);
  }

  public static Component byId(String id) {
    for (Component component : values()) {
      if (component.id.equals(id) || component.id.equals(id + "-service")) {
        return component;
      }
    }
    throw new IllegalArgumentException(
        "no component '" + id + "'; expected kafka, ingest, enrich, embed, search or anomaly");
  }
}
