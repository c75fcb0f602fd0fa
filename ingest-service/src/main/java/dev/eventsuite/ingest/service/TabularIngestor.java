package dev.eventsuite.ingest.service;

import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.events.metric.MetricEventParser;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.domain.ContentKind;
import dev.eventsuite.ingest.domain.tabular.ColumnMapping;
import dev.eventsuite.ingest.domain.tabular.Row;
import dev.eventsuite.ingest.domain.tabular.RowReader;
import dev.eventsuite.ingest.store.IngestionLedger;
import dev.eventsuite.ingest.store.IngestionLedger.Entry;
import dev.eventsuite.ingest.store.IngestionLedger.Status;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.ingest.store.StoredObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the rows of a tabular object into metric events, streaming, in constant memory.
 *
 * <p>Progress is saved every few thousand rows once they are acknowledged, so an interrupted object
 * resumes after the last saved row. A row's event id comes from the object, the row's position and
 * its text, so an unchanged row keeps its id. A new version that only appends rows to the last one
 * (the same text for the rows already read) publishes only the new rows; any other new version
 * publishes all its rows.
 */
@ApplicationScoped
public class TabularIngestor {

  private final ObjectStore store;
  private final IngestionLedger ledger;
  private final ColumnMappings mappings;
  private final int progressEvery;
  private final Counter published;
  private final Counter rejected;

  @Inject
  public TabularIngestor(
      ObjectStore store,
      IngestionLedger ledger,
      ColumnMappings mappings,
      IngestConfig config,
      MeterRegistry registry) {
    this.store = store;
    this.ledger = ledger;
    this.mappings = mappings;
    this.progressEvery = config.tabular().progressEvery();
    this.published = rows(registry, "published");
    this.rejected = rows(registry, "rejected");
  }

  private static Counter rows(MeterRegistry registry, String outcome) {
    return Counter.builder("suite.ingest.rows")
        .description("Rows of tabular objects, by outcome: published (acknowledged) or rejected")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Ingests a tabular object whose stream is open at its start.
   *
   * @param previous the ledger's entry for the object, if any
   */
  public void ingest(
      StoredObject object,
      ContentKind kind,
      InputStream content,
      Optional<Entry> previous,
      IngestOutput out)
      throws IOException {
    long skip = 0;
    if (previous.isPresent() && previous.get().eTag().equals(object.eTag())) {
      skip = previous.get().rowsDone(); // the same version, interrupted: resume
    } else if (previous.isPresent()
        && previous.get().kind().isTabular()
        && previous.get().rowsHash() != null
        && isAppendedTo(object, kind, previous.get())) {
      skip = previous.get().rowsDone(); // the last version's rows are published already
    }
    read(object, kind, content, skip, out);
  }

  /** Whether the object begins with exactly the rows the last version had. */
  private boolean isAppendedTo(StoredObject object, ContentKind kind, Entry last)
      throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = store.open(object);
        RowReader rows = RowReader.of(kind, in)) {
      for (long n = 0; n < last.rowsDone(); n++) {
        Row row = rows.next();
        if (row == null) {
          return false;
        }
        RowPipeline.hash(digest, row);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).equals(last.rowsHash());
  }

  private void read(
      StoredObject object, ContentKind kind, InputStream content, long skip, IngestOutput out)
      throws IOException {
    ColumnMapping mapping = mappings.forObject(object.bucket(), object.name());
    String path = object.path();
    String version = path + "@" + object.eTag();
    Deque<Progress> unacknowledged = new ArrayDeque<>();
    try (RowReader rows = RowReader.of(kind, content);
        RowPipeline pipeline =
            new RowPipeline(
                rows,
                row -> convert(object, path, version, row, mapping, out),
                skip,
                progressEvery)) {
      RowPipeline.Batch batch;
      do {
        batch = pipeline.next();
        publish(batch, out);
        if (!batch.last() && batch.rowsHash() != null) {
          unacknowledged.add(
              new Progress(
                  batch.rowsDone(), batch.rowsHash(), out.acknowledged().toCompletableFuture()));
          saveAcknowledgedProgress(object, kind, unacknowledged);
        }
      } while (!batch.last());
      out.flush();
      saveProgress(object, kind, Status.INGESTED, batch.rowsDone(), batch.rowsHash());
    }
  }

  /** Turns a row into an event ready to publish; runs on the pipeline's reading thread. */
  private RowPipeline.Item convert(
      StoredObject object,
      String path,
      String version,
      Row row,
      ColumnMapping mapping,
      IngestOutput out) {
    if (!row.isReadable()) {
      return new RowPipeline.Reject(row.number(), row.error(), row.raw());
    }
    try {
      MetricRecorded event =
          row.fields() == null && mapping.isIdentity()
              ? MetricEventParser.parse(row.raw(), object.modified()) // streamed from the line
              : MetricEventParser.parse(mapping.apply(row.tree()), object.modified());
      String id =
          event.eventId() != null ? event.eventId() : EventIds.of(path, row.number(), row.raw());
      return new RowPipeline.Publish(out.prepareMetric(event, id, version, row.number()));
    } catch (InvalidEventException e) {
      return new RowPipeline.Reject(row.number(), e.getMessage(), row.raw());
    }
  }

  private void publish(RowPipeline.Batch batch, IngestOutput out) {
    int publishedRows = 0;
    for (RowPipeline.Item item : batch.items()) {
      if (item instanceof RowPipeline.Publish publish) {
        out.publish(publish.event());
        publishedRows++;
      } else if (item instanceof RowPipeline.Reject reject) {
        out.rejectRow(reject.row(), reject.reason(), reject.raw());
        rejected.increment();
      }
    }
    if (publishedRows > 0) {
      // counted once the broker has them, not when handed to the producer
      int acknowledgedRows = publishedRows;
      out.acknowledged().thenRun(() -> published.increment(acknowledgedRows));
    }
  }

  /** The rows up to a point and when they are all acknowledged. */
  private record Progress(long rowsDone, String rowsHash, CompletableFuture<Void> acknowledged) {}

  /**
   * Saves the furthest progress whose rows are all acknowledged, without waiting for the rest:
   * reading goes on while the broker acknowledges.
   */
  private void saveAcknowledgedProgress(
      StoredObject object, ContentKind kind, Deque<Progress> unacknowledged) {
    Progress furthest = null;
    while (!unacknowledged.isEmpty() && unacknowledged.peek().acknowledged().isDone()) {
      Progress next = unacknowledged.poll();
      if (next.acknowledged().isCompletedExceptionally()) {
        unacknowledged.clear(); // the final flush reports the failure; no progress past it
        break;
      }
      furthest = next;
    }
    if (furthest != null) {
      saveProgress(object, kind, Status.IN_PROGRESS, furthest.rowsDone(), furthest.rowsHash());
    }
  }

  private void saveProgress(
      StoredObject object, ContentKind kind, Status status, long done, String hash) {
    ledger.save(
        new Entry(
            object.namespace(),
            object.bucket(),
            object.name(),
            object.eTag(),
            kind,
            status,
            done,
            hash,
            0,
            done + " rows"));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
