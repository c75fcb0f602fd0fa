package dev.eventsuite.ingest.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

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
        .description("Rows of tabular objects, by outcome")
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
        hash(digest, row);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).equals(last.rowsHash());
  }

  private void read(
      StoredObject object, ContentKind kind, InputStream content, long skip, IngestOutput out)
      throws IOException {
    ColumnMapping mapping = mappings.forObject(object.bucket(), object.name());
    MessageDigest digest = sha256();
    long done = 0;
    try (RowReader rows = RowReader.of(kind, content)) {
      for (Row row = rows.next(); row != null; row = rows.next()) {
        hash(digest, row);
        done = row.number();
        if (done <= skip) {
          continue;
        }
        publish(object, row, mapping, out);
        if (done % progressEvery == 0) {
          out.flush();
          saveProgress(object, kind, Status.IN_PROGRESS, done, copy(digest));
        }
      }
    }
    out.flush();
    saveProgress(object, kind, Status.INGESTED, done, HexFormat.of().formatHex(digest.digest()));
  }

  private void publish(StoredObject object, Row row, ColumnMapping mapping, IngestOutput out) {
    if (!row.isReadable()) {
      reject(out, row, row.error());
      return;
    }
    try {
      ObjectNode fields = mapping.apply(row.fields());
      MetricRecorded event = MetricEventParser.parse(fields, object.modified());
      if (event.eventId() == null) {
        event = event.withEventId(EventIds.of(object.path(), row.number(), row.raw()));
      }
      out.metric(event);
      published.increment();
    } catch (InvalidEventException e) {
      reject(out, row, e.getMessage());
    }
  }

  private void reject(IngestOutput out, Row row, String reason) {
    out.rejectRow(row.number(), reason, row.raw());
    rejected.increment();
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

  private static void hash(MessageDigest digest, Row row) {
    digest.update(row.raw().getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  /** The hash of the rows so far, leaving the running digest to go on. */
  private static String copy(MessageDigest digest) {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
