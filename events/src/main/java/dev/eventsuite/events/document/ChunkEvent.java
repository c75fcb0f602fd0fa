package dev.eventsuite.events.document;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A record on {@code document-chunks}: an enriched chunk, or the removal of a whole document. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChunkPrepared.class, name = "chunk"),
  @JsonSubTypes.Type(value = DocumentRemoved.class, name = "removed")
})
public sealed interface ChunkEvent permits ChunkPrepared, DocumentRemoved {

  /** The record key: the document's stable id. */
  String documentId();
}
