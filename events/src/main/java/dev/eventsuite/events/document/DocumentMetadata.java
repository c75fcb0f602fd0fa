package dev.eventsuite.events.document;

import java.time.Instant;
import java.util.Map;

/**
 * What is known about a document apart from its text. Every field but {@code collection} may be
 * null when the source does not say.
 *
 * @param collection the collection it is searched in; a bucket's name by default
 * @param source where it came from: {@code bucket/object} for objects, the caller's reference for
 *     documents posted directly
 * @param namespace the Object Storage namespace ({@code local} for local buckets)
 * @param bucket the bucket
 * @param objectName the object name
 * @param contentType the detected media type, e.g. {@code application/pdf}
 * @param size the object's size in bytes
 * @param title from the format, else the first heading, else the file name
 * @param category configurable; by default the object name's first path segment
 * @param createdAt when the document was created, from the format or the store
 * @param modifiedAt when the document last changed
 * @param userMetadata metadata set on the object or posted with the document, and for an image what
 *     its analysis found ({@code image.*} keys)
 * @param tags free-form tags
 */
public record DocumentMetadata(
    String collection,
    String source,
    String namespace,
    String bucket,
    String objectName,
    String contentType,
    Long size,
    String title,
    String category,
    Instant createdAt,
    Instant modifiedAt,
    Map<String, String> userMetadata,
    Map<String, String> tags) {

  public DocumentMetadata {
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
