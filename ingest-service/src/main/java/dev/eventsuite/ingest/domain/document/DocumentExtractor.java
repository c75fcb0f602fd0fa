package dev.eventsuite.ingest.domain.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.SAXException;

/**
 * Extracts the text and metadata of documents and images with Apache Tika's standard parsers (plain
 * text, Markdown, HTML, PDF, Office and OpenDocument formats, images and more), spooling the text
 * to a temporary file so no document is held in memory whole.
 */
public final class DocumentExtractor {

  private static final Pattern PLACEHOLDER_TITLE =
      Pattern.compile("(?i)(untitled|untitled document|untitled-\\d+|no title|title|document\\d*)");

  private final AutoDetectParser parser = new AutoDetectParser();
  private final Path spool;
  private final long maxChars;

  /**
   * @param spool the folder for temporary text files
   * @param maxChars the longest text accepted; longer documents are refused as too large
   */
  public DocumentExtractor(Path spool, long maxChars) {
    this.spool = spool;
    this.maxChars = maxChars;
  }

  public ExtractedDocument extract(InputStream in, String fileName)
      throws ExtractionException, IOException {
    Files.createDirectories(spool);
    Path text = Files.createTempFile(spool, "text-", ".txt");
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (Writer out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
      parser.parse(in, new MarkdownHandler(out, maxChars), metadata, new ParseContext());
    } catch (EncryptedDocumentException e) {
      delete(text);
      throw new ExtractionException("encrypted", "the document is encrypted", e);
    } catch (ZeroByteFileException e) {
      delete(text);
      throw new ExtractionException("corrupt", "the object is empty", e);
    } catch (TikaException | SAXException e) {
      delete(text);
      MarkdownHandler.TextLimitException limit = textLimit(e);
      if (limit != null) {
        throw new ExtractionException("too-large", limit.getMessage(), e);
      }
      throw new ExtractionException("corrupt", "the document cannot be read: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      delete(text);
      throw e;
    }
    return new ExtractedDocument(
        text,
        statedTitle(metadata.get(TikaCoreProperties.TITLE)),
        instant(metadata, TikaCoreProperties.CREATED),
        instant(metadata, TikaCoreProperties.MODIFIED),
        metadata.get(Metadata.CONTENT_TYPE),
        properties(metadata));
  }

  /** The text limit this extraction hit, wherever Tika wrapped it; null when it hit none. */
  private static MarkdownHandler.TextLimitException textLimit(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkdownHandler.TextLimitException limit) {
        return limit;
      }
    }
    return null;
  }

  private static Instant instant(Metadata metadata, Property property) {
    Date date = metadata.getDate(property);
    return date == null ? null : date.toInstant();
  }

  private static Map<String, String> properties(Metadata metadata) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String name : metadata.names()) {
      properties.put(name, metadata.get(name));
    }
    return properties;
  }

  /**
   * The title a document's metadata states, unless it is a placeholder its editor wrote in
   * ("Untitled", "Untitled document", "No title"...): then it states none, and the first heading or
   * the file's name is its title.
   */
  private static String statedTitle(String title) {
    if (title == null || title.isBlank() || PLACEHOLDER_TITLE.matcher(title.strip()).matches()) {
      return null;
    }
    return title.strip();
  }

  private static void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }
}
