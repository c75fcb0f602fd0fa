package dev.eventsuite.events.document;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A record on {@code documents}: a section of a document's text, or the document's removal. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DocumentSectionExtracted.class, name = "section"),
  @JsonSubTypes.Type(value = DocumentRemoved.class, name = "removed")
})
public sealed interface DocumentEvent permits DocumentSectionExtracted, DocumentRemoved {

  /** The record key: the document's stable id. */
  String documentId();
}
