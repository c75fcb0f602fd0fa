package dev.eventsuite.events.document;

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
}
