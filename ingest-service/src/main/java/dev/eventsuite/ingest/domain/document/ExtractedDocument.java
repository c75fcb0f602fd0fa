package dev.eventsuite.ingest.domain.document;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What was extracted from a document or image.
 *
 * @param text a temporary file holding the text (UTF-8); the caller deletes it
 * @param title the title the format states; null when it states none
 * @param created when the document was created, as the format states it; may be null
 * @param modified when it was last modified, as the format states it; may be null
 * @param contentType the media type Tika parsed it as
 * @param properties every metadata property Tika found (for images: dimensions, EXIF)
 */
public record ExtractedDocument(
    Path text,
    String title,
    Instant created,
    Instant modified,
    String contentType,
    Map<String, String> properties) {}
