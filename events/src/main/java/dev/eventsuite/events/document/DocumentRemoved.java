package dev.eventsuite.events.document;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.EventIds;
import java.time.Instant;
import java.util.Objects;

/**
 * A document was removed (its object deleted, or removed through the API): every section, chunk and
 * vector of it goes.
 *
 * @param documentId the document's stable id
 * @param source where it came from, as in {@link DocumentMetadata#source()}
 * @param removedAt when the removal happened
 */
public record DocumentRemoved(String documentId, String source, Instant removedAt)
    implements DocumentEvent, ChunkEvent {

  public static final String TYPE = "dev.eventsuite.document.removed";

  public DocumentRemoved {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(removedAt, "removedAt");
  }

  /**
   * The removal's CloudEvents attributes as the given service publishes it: its id follows from the
   * document and the time, so a replayed removal is the same event.
   */
  public CloudEvent cloudEvent(String source) {
    return new CloudEvent(
        EventIds.of(TYPE, documentId, removedAt), TYPE, source, removedAt, documentId);
  }
}
