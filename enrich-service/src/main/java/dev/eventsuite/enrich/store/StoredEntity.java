package dev.eventsuite.enrich.store;

import dev.eventsuite.enrich.domain.EntityFeatures;
import dev.eventsuite.enrich.domain.EntityFeaturesCodec;
import dev.eventsuite.events.SourcePosition;
import java.time.Instant;

/**
 * An entity's state as the feature store keeps it, captured on the stream's thread so the store can
 * be written on another.
 */
public record StoredEntity(
    String entityId, SourcePosition source, Instant lastEventTime, byte[] state) {

  public static StoredEntity of(EntityFeatures entity) {
    return new StoredEntity(
        entity.entityId(),
        entity.lastApplied(),
        entity.snapshot() == null ? null : entity.snapshot().asOf(),
        EntityFeaturesCodec.encode(entity));
  }
}
