package dev.eventsuite.enrich.domain;

/**
 * What an entity remembers of the events it applied, so that each is applied once per CloudEvents
 * id however often it arrives, in a few hundred bytes that are stored with the entity and so
 * survive restarts.
 *
 * <ul>
 *   <li><b>Sequenced events</b> (rows of an object version, numbered in {@code ce_sequence} within
 *       their {@code ce_source}): the highest sequence applied per source. A row at or below it is
 *       a repeat, however long ago the original was applied; this is what recognises every row an
 *       ingest-service restart publishes again. The {@value #SOURCES} sources used most recently
 *       are kept: a repeat from a source older than that is applied again.
 *   <li><b>Other events with an id of their producer's</b>: the 64-bit hashes of the last {@value
 *       #RECENT} such ids. A repeat is recognised while fewer than {@value #RECENT} other such
 *       events of the entity were applied after the original (a producer that resends its last
 *       batch, for example).
 * </ul>
 *
 * Events with neither are recognised by their position in {@code metric-events} only, as every
 * replay of this service's own input is.
 */
public final class AppliedEvents {

  /** Sequenced sources remembered per entity. */
  public static final int SOURCES = 8;

  /** Unsequenced ids remembered per entity. */
  public static final int RECENT = 32;

  /** Source hashes and their highest sequence, most recently used first. */
  final long[] sources;

  final long[] sequences;
  int sourceCount;

  /** Hashes of recent ids, a ring: {@code next} is where the next one goes. */
  final long[] recent;

  int recentCount;
  int next;

  AppliedEvents() {
    this(new long[SOURCES], new long[SOURCES], 0, new long[RECENT], 0, 0);
  }

  AppliedEvents(
      long[] sources, long[] sequences, int sourceCount, long[] recent, int recentCount, int next) {
    this.sources = sources;
    this.sequences = sequences;
    this.sourceCount = sourceCount;
    this.recent = recent;
    this.recentCount = recentCount;
    this.next = next;
  }

  /** Whether an event was applied already, by what it carries; see the class comment. */
  boolean isRepeat(EventOrigin origin) {
    if (origin.isSequenced()) {
      int at = indexOf(hash(origin.source()));
      return at >= 0 && origin.sequence() <= sequences[at];
    }
    if (origin.id() != null) {
      long id = hash(origin.id());
      for (int i = 0; i < recentCount; i++) {
        if (recent[i] == id) {
          return true;
        }
      }
    }
    return false;
  }

  /** Remembers an event that was applied (or deliberately left out). */
  void remember(EventOrigin origin) {
    if (origin.isSequenced()) {
      long source = hash(origin.source());
      int at = indexOf(source);
      long highest = at >= 0 ? Math.max(sequences[at], origin.sequence()) : origin.sequence();
      int from = at >= 0 ? at : Math.min(sourceCount, SOURCES - 1);
      System.arraycopy(sources, 0, sources, 1, from);
      System.arraycopy(sequences, 0, sequences, 1, from);
      sources[0] = source;
      sequences[0] = highest;
      sourceCount = Math.max(sourceCount, Math.min(from + 1, SOURCES));
    } else if (origin.id() != null) {
      recent[next] = hash(origin.id());
      next = (next + 1) % RECENT;
      recentCount = Math.min(recentCount + 1, RECENT);
    }
  }

  private int indexOf(long source) {
    for (int i = 0; i < sourceCount; i++) {
      if (sources[i] == source) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A 64-bit hash of a text (FNV-1a over its characters, then the SplitMix64 finaliser): two
   * different ids among the few dozen an entity remembers share one with a chance of about 2^-58.
   */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
