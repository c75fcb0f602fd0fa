package dev.eventsuite.events.object;

import java.util.Locale;
import java.util.Optional;

/** What happened to an object, with the OCI event type that reports it. */
public enum ObjectChange {
  CREATED("com.oraclecloud.objectstorage.createobject"),
  UPDATED("com.oraclecloud.objectstorage.updateobject"),
  DELETED("com.oraclecloud.objectstorage.deleteobject");

  private final String ociEventType;

  ObjectChange(String ociEventType) {
    this.ociEventType = ociEventType;
  }

  public String ociEventType() {
    return ociEventType;
  }

  /** The change an OCI event type reports, ignoring case; empty for any other event type. */
  public static Optional<ObjectChange> ofOciEventType(String eventType) {
    String type = eventType.toLowerCase(Locale.ROOT);
    for (ObjectChange change : values()) {
      if (change.ociEventType.equals(type)) {
        return Optional.of(change);
      }
    }
    return Optional.empty();
  }
}
