package dev.eventsuite.ingest.domain;

import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Decides what an object holds from its bytes, with its name as a hint: Apache Tika's detectors
 * (magic numbers, container formats) first, then a look at the text for the tabular formats, which
 * have no magic of their own.
 */
public final class ContentDetector {

  /** How much of the start of an object is read to tell tabular formats apart. */
  static final int SNIFF_BYTES = 64 * 1024;

  /** How many of the first lines are looked at to tell JSON Lines from a JSON document. */
  private static final int SAMPLE_LINES = 20;

  private static final Set<String> DOCUMENT_TYPES =
      Set.of(
          "application/pdf",
          "application/rtf",
          "application/msword",
          "application/vnd.ms-powerpoint",
          "application/vnd.ms-excel",
          "application/epub+zip",
          "application/xhtml+xml",
          "application/xml",
          "message/rfc822");

  /** Names that say "document": their text is never taken for a table. */
  private static final Pattern DOCUMENT_EXTENSION =
      Pattern.compile("\\.(txt|text|md|markdown|html?|xml|rtf|log)$");

  /** A plausible column name: up to four words, not ending a sentence. */
  private static final Pattern COLUMN_NAME =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.-]*( [\\p{L}\\p{N}_.-]+){0,3}(?<!\\.)");

  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

  /** The detected kind and media type. */
  public record Detected(ContentKind kind, String mediaType) {}

  /**
   * Detects an object's content. The stream must support mark and reset (a {@link TikaInputStream}
   * does); it is left at its start.
   */
  public Detected detect(TikaInputStream in, String objectName) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, baseName(objectName));
    MediaType type = detector.detect(in, metadata);
    String base = type.getBaseType().toString();
    String lower = objectName.toLowerCase(Locale.ROOT);
    if (base.startsWith("image/")) {
      return new Detected(ContentKind.IMAGE, base);
    }
    if (base.startsWith("text/")
        || base.equals("application/json")
        || base.equals("application/x-ndjson")) {
      ContentKind tabular = sniffTabular(peek(in), lower, base);
      if (tabular != null) {
        return new Detected(tabular, base);
      }
      return new Detected(ContentKind.DOCUMENT, base);
    }
    if (DOCUMENT_TYPES.contains(base)
        || base.startsWith("application/vnd.openxmlformats-officedocument")
        || base.startsWith("application/vnd.oasis.opendocument")) {
      return new Detected(ContentKind.DOCUMENT, base);
    }
    return new Detected(ContentKind.UNSUPPORTED, base);
  }

  private static ContentKind sniffTabular(String head, String lowerName, String mediaType) {
    String text = head.stripLeading();
    if (text.startsWith("[") && text.substring(1).stripLeading().startsWith("{")) {
      return ContentKind.JSON_ARRAY;
    }
    if (text.startsWith("{")) {
      return looksLikeJsonLines(text, lowerName, mediaType) ? ContentKind.JSON_LINES : null;
    }
    if (lowerName.endsWith(".tsv")
        || lowerName.endsWith(".tab")
        || mediaType.equals("text/tab-separated-values")) {
      return ContentKind.TSV;
    }
    if (lowerName.endsWith(".csv") || mediaType.equals("text/csv")) {
      return ContentKind.CSV;
    }
    return looksDelimited(text, '\t')
        ? ContentKind.TSV
        : looksDelimited(text, ',') ? ContentKind.CSV : null;
  }

  /**
   * Whether text without a telling name is a table: a header of at least two plain column names and
   * following lines with as many fields.
   */
  private static boolean looksDelimited(String text, char delimiter) {
    String[] lines = text.split("\r?\n", 6);
    if (lines.length < 3) {
      return false;
    }
    String[] header = lines[0].split(String.valueOf(delimiter), -1);
    if (header.length < 2) {
      return false;
    }
    for (String column : header) {
      if (!COLUMN_NAME.matcher(column.strip()).matches()) {
        return false;
      }
    }
    for (int i = 1; i < lines.length - 1; i++) {
      if (lines[i].split(String.valueOf(delimiter), -1).length != header.length) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether text that starts with an object is JSON Lines: its name or type says so, its first line
   * is longer than the look allows (a pretty-printed document's first line is a lone brace), or
   * most of the lines seen are objects. One bad or oversized row does not make a data file text;
   * the reader dead-letters it and reads the rest.
   */
  private static boolean looksLikeJsonLines(String text, String lowerName, String mediaType) {
    if (lowerName.endsWith(".jsonl")
        || lowerName.endsWith(".ndjson")
        || mediaType.equals("application/x-ndjson")) {
      return true;
    }
    int firstBreak = text.indexOf('\n');
    if (firstBreak < 0) {
      return text.length() >= SNIFF_BYTES / 2 || isJsonObject(text);
    }
    // The last line may be cut off by the look: only whole lines count.
    List<String> lines =
        text.substring(0, text.lastIndexOf('\n')).lines().filter(l -> !l.isBlank()).toList();
    List<String> sample = lines.subList(0, Math.min(lines.size(), SAMPLE_LINES));
    long objects = sample.stream().filter(ContentDetector::isJsonObject).count();
    return objects > 0 && objects * 2 >= sample.size();
  }

  private static boolean isJsonObject(String line) {
    try {
      return EventJson.mapper().readTree(line).isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private static String peek(TikaInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    try {
      byte[] head = in.readNBytes(SNIFF_BYTES);
      return new String(head, StandardCharsets.UTF_8);
    } finally {
      in.reset();
    }
  }

  private static String baseName(String objectName) {
    int slash = objectName.lastIndexOf('/');
    return slash < 0 ? objectName : objectName.substring(slash + 1);
  }
}
