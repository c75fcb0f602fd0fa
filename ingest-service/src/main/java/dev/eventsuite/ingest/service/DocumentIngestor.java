package dev.eventsuite.ingest.service;

import com.oracle.bmc.aivision.AIServiceVisionClient;
import dev.eventsuite.events.document.DocumentIds;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.events.object.ObjectChanged;
import dev.eventsuite.ingest.client.OciVisionImageAnalyzer;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.domain.Categories;
import dev.eventsuite.ingest.domain.ContentDetector;
import dev.eventsuite.ingest.domain.ContentKind;
import dev.eventsuite.ingest.domain.document.DocumentExtractor;
import dev.eventsuite.ingest.domain.document.ExtractedDocument;
import dev.eventsuite.ingest.domain.document.ExtractionException;
import dev.eventsuite.ingest.domain.document.ImageDescription;
import dev.eventsuite.ingest.domain.document.SectionSplitter;
import dev.eventsuite.ingest.store.IngestionLedger;
import dev.eventsuite.ingest.store.IngestionLedger.Entry;
import dev.eventsuite.ingest.store.IngestionLedger.Status;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.ingest.store.StoredObject;
import dev.eventsuite.oci.OciAuthentication;
import dev.eventsuite.oci.OciClients;
import dev.eventsuite.oci.OciConfig;
import dev.eventsuite.platform.config.SuiteConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns documents and images into sections of text with their metadata. The text is spooled to
 * disk, so a document of any size is never in memory whole.
 */
@ApplicationScoped
public class DocumentIngestor {

  private static final Logger LOG = Logger.getLogger(DocumentIngestor.class);

  private final IngestionLedger ledger;
  private final DocumentExtractor extractor;
  private final SectionSplitter splitter = new SectionSplitter();
  private final Categories categories;
  private final ImageAnalyzer analyzer;
  private final long maxDocumentBytes;
  private final Counter sections;

  @Inject
  public DocumentIngestor(
      IngestConfig config,
      SuiteConfig suite,
      OciConfig oci,
      ObjectStore store,
      IngestionLedger ledger,
      MeterRegistry registry) {
    this.ledger = ledger;
    this.extractor =
        new DocumentExtractor(
            suite.dataDir().resolve("ingest-service").resolve("spool"),
            config.limits().maxDocumentChars());
    this.categories =
        new Categories(config.documents().category(), config.documents().bucketCategories());
    this.analyzer = analyzer(config.documents().vision(), oci, store.reportsChanges());
    this.maxDocumentBytes = config.limits().maxDocumentSize().asLongValue();
    this.sections =
        Counter.builder("suite.ingest.sections")
            .description("Document sections published")
            .register(registry);
  }

  /**
   * Ingests a document or image whose stream is open at its start.
   *
   * @return false when it was refused (too large, encrypted, corrupt) and dead-lettered
   */
  public boolean ingest(
      ObjectChanged event,
      StoredObject object,
      ContentDetector.Detected detected,
      InputStream content,
      IngestOutput out)
      throws IOException {
    if (object.size() > maxDocumentBytes) {
      reject(
          object,
          detected.kind(),
          out,
          "too-large",
          "the object is "
              + object.size()
              + " bytes; documents and images are read up to "
              + maxDocumentBytes);
      return false;
    }
    boolean image = detected.kind() == ContentKind.IMAGE;
    byte[] imageBytes = image && analyzer != null ? content.readAllBytes() : null;
    ExtractedDocument extracted;
    try {
      extracted =
          extractor.extract(
              imageBytes != null ? new ByteArrayInputStream(imageBytes) : content,
              baseName(object));
    } catch (ExtractionException e) {
      reject(object, detected.kind(), out, e.errorType(), e.getMessage());
      return false;
    }
    Path text = extracted.text();
    try {
      Map<String, String> analysis = Map.of();
      if (image) {
        List<String> labels = labels(object, imageBytes);
        Files.writeString(
            text,
            ImageDescription.describe(
                baseName(object), detected.mediaType(), extracted.properties(), labels));
        analysis = ImageDescription.facts(detected.mediaType(), extracted.properties(), labels);
      }
      DocumentMetadata metadata = metadata(event, object, detected, extracted, analysis);
      int count = publish(object, metadata, text, out);
      out.flush();
      ledger.save(
          new Entry(
              object.namespace(),
              object.bucket(),
              object.name(),
              object.eTag(),
              detected.kind(),
              Status.INGESTED,
              0,
              null,
              count,
              detected.mediaType()));
      return true;
    } finally {
      Files.deleteIfExists(text);
    }
  }

  private int publish(StoredObject object, DocumentMetadata metadata, Path text, IngestOutput out)
      throws IOException {
    String documentId = DocumentIds.ofObject(object.namespace(), object.bucket(), object.name());
    int count = splitter.count(text);
    if (count == 0) {
      // A version without text still replaces the last one, downstream, with nothing.
      out.section(new DocumentSectionExtracted(documentId, object.eTag(), 0, 1, "", metadata));
      sections.increment();
      return 1;
    }
    int[] index = {0};
    splitter.split(
        text,
        section -> {
          out.section(
              new DocumentSectionExtracted(
                  documentId, object.eTag(), index[0]++, count, section, metadata));
          sections.increment();
        });
    return count;
  }

  private DocumentMetadata metadata(
      ObjectChanged event,
      StoredObject object,
      ContentDetector.Detected detected,
      ExtractedDocument extracted,
      Map<String, String> analysis)
      throws IOException {
    String title = extracted.title();
    if (title == null) {
      title = firstHeading(extracted.text());
    }
    if (title == null) {
      title = baseName(object);
    }
    return new DocumentMetadata(
        object.bucket(),
        object.bucket() + "/" + object.name(),
        object.namespace(),
        object.bucket(),
        object.name(),
        detected.mediaType(),
        object.size(),
        title,
        categories.of(object.bucket(), object.name()),
        extracted.created() != null ? extracted.created() : object.modified(),
        extracted.modified() != null ? extracted.modified() : object.modified(),
        withAnalysis(object.userMetadata(), analysis),
        event.freeFormTags());
  }

  /** The object's metadata and what its analysis found; the analysis wins over a same-named key. */
  private static Map<String, String> withAnalysis(
      Map<String, String> userMetadata, Map<String, String> analysis) {
    if (analysis.isEmpty()) {
      return userMetadata;
    }
    Map<String, String> metadata = new LinkedHashMap<>(userMetadata);
    metadata.putAll(analysis);
    return metadata;
  }

  private List<String> labels(StoredObject object, byte[] image) {
    if (analyzer == null) {
      return List.of();
    }
    try {
      return analyzer.labels(object, image);
    } catch (Exception e) {
      // Labels only add to what is findable: an image is ingested without them.
      LOG.warnf(e, "image analysis of %s failed; ingesting it without labels", object.path());
      return List.of();
    }
  }

  private void reject(
      StoredObject object, ContentKind kind, IngestOutput out, String errorType, String reason) {
    out.rejectObject(errorType, reason);
    ledger.save(
        new Entry(
            object.namespace(),
            object.bucket(),
            object.name(),
            object.eTag(),
            kind,
            Status.REJECTED,
            0,
            null,
            0,
            reason));
  }

  /** The first Markdown heading of a text, without its hashes; null when there is none. */
  static String firstHeading(Path text) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(text, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#")) {
          String heading = line.replaceFirst("^#+\\s*", "").strip();
          if (!heading.isEmpty()) {
            return heading;
          }
        }
      }
    }
    return null;
  }

  private static String baseName(StoredObject object) {
    int slash = object.name().lastIndexOf('/');
    return slash < 0 ? object.name() : object.name().substring(slash + 1);
  }

  private static ImageAnalyzer analyzer(
      IngestConfig.Vision vision, OciConfig oci, boolean objectsInObjectStorage) {
    if (!vision.enabled()) {
      return null;
    }
    return new OciVisionImageAnalyzer(
        OciClients.located(AIServiceVisionClient.builder(), oci.region(), vision.endpoint())
            .build(OciAuthentication.provider(oci)),
        vision
            .compartmentId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "suite.ingest.documents.vision.compartment-id is required with vision")),
        objectsInObjectStorage,
        vision.maxLabels());
  }
}
