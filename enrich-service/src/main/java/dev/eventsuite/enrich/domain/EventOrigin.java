package dev.eventsuite.enrich.domain;

/**
 * Where a metric event came from, as far as recognising its repeats goes.
 *
 * @param id the id its producer gave it (in the event or its {@code ce_id}); null when it had none
 * @param source its CloudEvents source, when the source numbers its events
 * @param sequence its number within that source ({@code ce_sequence}); null when unnumbered
 */
public record EventOrigin(String id, String source, Long sequence) {

  /** An event known by its position in the topic alone. */
  public static final EventOrigin POSITION_ONLY = new EventOrigin(null, null, null);

  boolean isSequenced() {
    return source != null && sequence != null;
  }
}
