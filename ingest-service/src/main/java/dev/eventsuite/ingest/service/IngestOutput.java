package dev.eventsuite.ingest.service;

import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.events.metric.MetricRecorded;
import dev.eventsuite.platform.kafka.PreparedEvent;
import java.util.concurrent.CompletionStage;

/** Where ingesting one object sends what it produces. */
public interface IngestOutput {

  /**
   * A metric event read from a row of a tabular object, serialised for {@code metric-events}. Safe
   * on any thread: rows are prepared on a reading thread and published in order.
   *
   * @param id the event's CloudEvents id: the producer's own, or one derived from the row, which
   *     then travels in {@code ce_id} only
   * @param version the object version the row was read from, {@code <path>@<eTag>}: with the row's
   *     number, the event's place in that version ({@code ce_source} and {@code ce_sequence}), by
   *     which consumers recognise rows published again after a restart
   * @param row the row's number in the object
   */
  PreparedEvent prepareMetric(MetricRecorded event, String id, String version, long row);

  /** Publishes a prepared event. */
  void publish(PreparedEvent event);

  /** A section of a document's text. */
  void section(DocumentSectionExtracted section);

  /** A document removal. */
  void removal(DocumentRemoved removal);

  /** The object cannot be ingested: its event goes to the dead-letter topic with the reason. */
  void rejectObject(String errorType, String reason);

  /**
   * A row cannot be read: it goes to the dead-letter topic, named, with the reason.
   *
   * @param raw the row's text in UTF-8
   */
  void rejectRow(long row, String reason, byte[] raw);

  /** Waits until everything sent so far is acknowledged. */
  void flush();

  /**
   * A stage that completes once everything sent so far is acknowledged, without waiting for it; it
   * fails when one of those sends failed.
   */
  CompletionStage<Void> acknowledged();
}
