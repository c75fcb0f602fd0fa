package dev.eventsuite.ingest.service;

import dev.eventsuite.events.document.DocumentIds;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.object.ObjectChange;
import dev.eventsuite.events.object.ObjectChanged;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.domain.ContentDetector;
import dev.eventsuite.ingest.domain.ContentKind;
import dev.eventsuite.ingest.store.IngestionLedger;
import dev.eventsuite.ingest.store.IngestionLedger.Entry;
import dev.eventsuite.ingest.store.IngestionLedger.Status;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.ingest.store.StoredObject;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.apache.tika.io.TikaInputStream;

/**
 * The one handler of object changes, whichever route they came by: skips a version already
 * ingested, fetches the object, detects what it holds, and hands it to the tabular or document
 * ingestor; a deletion removes the document downstream.
 */
@ApplicationScoped
public class ObjectIngestor {

  /** What became of an object event, counted in {@code suite_ingest_objects_total}. */
  public enum Outcome {
    INGESTED,
    DUPLICATE,
    SUPERSEDED,
    REJECTED,
    DELETED
  }

  private final ObjectStore store;
  private final IngestionLedger ledger;
  private final TabularIngestor tabular;
  private final DocumentIngestor documents;
  private final ContentDetector detector = new ContentDetector();
  private final long maxObjectBytes;
  private final MeterRegistry registry;

  @Inject
  public ObjectIngestor(
      ObjectStore store,
      IngestionLedger ledger,
      TabularIngestor tabular,
      DocumentIngestor documents,
      IngestConfig config,
      MeterRegistry registry) {
    this.store = store;
    this.ledger = ledger;
    this.tabular = tabular;
    this.documents = documents;
    this.maxObjectBytes = config.limits().maxObjectSize().asLongValue();
    this.registry = registry;
  }

  public Outcome ingest(ObjectChanged event, IngestOutput out) throws IOException {
    Outcome outcome =
        event.change() == ObjectChange.DELETED ? delete(event, out) : ingestVersion(event, out);
    registry.counter("suite.ingest.objects", "outcome", outcome.name().toLowerCase()).increment();
    return outcome;
  }

  private Outcome ingestVersion(ObjectChanged event, IngestOutput out) throws IOException {
    Optional<StoredObject> current = store.head(event.bucket(), event.objectName());
    if (current.isEmpty() || (event.eTag() != null && !event.eTag().equals(current.get().eTag()))) {
      return Outcome.SUPERSEDED; // deleted or replaced since: the later event will tell
    }
    StoredObject object = current.get();
    Optional<Entry> previous = ledger.find(object.namespace(), object.bucket(), object.name());
    if (previous.isPresent()
        && previous.get().eTag().equals(object.eTag())
        && previous.get().status() != Status.IN_PROGRESS) {
      return Outcome.DUPLICATE;
    }
    if (object.size() > maxObjectBytes) {
      out.rejectObject(
          "too-large",
          "the object is " + object.size() + " bytes; at most " + maxObjectBytes + " are ingested");
      ledger.save(entry(object, ContentKind.UNSUPPORTED, Status.REJECTED, "too large"));
      return Outcome.REJECTED;
    }
    try (InputStream raw = store.open(object);
        TikaInputStream content = TikaInputStream.get(raw)) {
      ContentDetector.Detected detected = detector.detect(content, object.name());
      if (detected.kind().isTabular()) {
        tabular.ingest(object, detected.kind(), content, previous, out);
        return Outcome.INGESTED;
      }
      if (detected.kind() == ContentKind.UNSUPPORTED) {
        out.rejectObject(
            "unsupported-content", "objects of type " + detected.mediaType() + " are not ingested");
        ledger.save(entry(object, ContentKind.UNSUPPORTED, Status.REJECTED, detected.mediaType()));
        return Outcome.REJECTED;
      }
      documents.ingest(event, object, detected, content, out);
      return ledger
          .find(object.namespace(), object.bucket(), object.name())
          .filter(e -> e.status() == Status.REJECTED && e.eTag().equals(object.eTag()))
          .map(e -> Outcome.REJECTED)
          .orElse(Outcome.INGESTED);
    } catch (ObjectStore.ObjectChangedException e) {
      return Outcome.SUPERSEDED;
    }
  }

  private Outcome delete(ObjectChanged event, IngestOutput out) {
    Optional<Entry> previous = ledger.find(event.namespace(), event.bucket(), event.objectName());
    boolean tabular = previous.map(e -> e.kind().isTabular()).orElse(false);
    if (!tabular) {
      // Events already published stay true; a document, though, must leave the search index.
      out.removal(
          new DocumentRemoved(
              DocumentIds.ofObject(event.namespace(), event.bucket(), event.objectName()),
              event.bucket() + "/" + event.objectName(),
              event.eventTime() != null ? event.eventTime() : Instant.now()));
      out.flush();
    }
    previous.ifPresent(entry -> ledger.save(entry.with(Status.DELETED, "deleted")));
    return Outcome.DELETED;
  }

  private static Entry entry(StoredObject object, ContentKind kind, Status status, String detail) {
    return new Entry(
        object.namespace(),
        object.bucket(),
        object.name(),
        object.eTag(),
        kind,
        status,
        0,
        null,
        0,
        detail);
  }
}
