package dev.eventsuite.events.document;

import dev.eventsuite.events.EventIds;

/** Stable document ids: the same object, or the same posted document, always has the same id. */
public final class DocumentIds {

  private DocumentIds() {}

  /** The id of the document an object holds, whatever its version. */
  public static String ofObject(String namespace, String bucket, String name) {
    return EventIds.of("object-document", namespace, bucket, name);
  }

  /** The id of a document posted directly, by the collection and source it was posted with. */
  public static String ofPosted(String collection, String source) {
    return EventIds.of("posted-document", collection, source);
  }
}
