package dev.eventsuite.events.document;

import java.util.Objects;

/**
 * A section of a document's text, at most {@link #MAX_TEXT_BYTES} of UTF-8 cut at a paragraph
 * boundary, so that no record comes near the 1 MB message limit of OCI Streaming.
 *
 * @param documentId the document's stable id, the same for every version
 * @param version the version this text belongs to (the object's eTag); a new version replaces the
 *     old one downstream
 * @param sectionIndex this section's position, from 0
 * @param sectionCount how many sections the version has
 * @param text the section's text
 * @param metadata what is known about the document
 */
public record DocumentSectionExtracted(
    String documentId,
    String version,
    int sectionIndex,
    int sectionCount,
    String text,
    DocumentMetadata metadata)
    implements DocumentEvent {

  public static final String TYPE = "dev.eventsuite.document.section-extracted";

  /** The most UTF-8 bytes of text one section carries. */
  public static final int MAX_TEXT_BYTES = 256 * 1024;

  public DocumentSectionExtracted {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metadata, "metadata");
    if (sectionIndex < 0 || sectionIndex >= sectionCount) {
      throw new IllegalArgumentException(
          "section " + sectionIndex + " is outside 0.." + (sectionCount - 1));
    }
  }
}
