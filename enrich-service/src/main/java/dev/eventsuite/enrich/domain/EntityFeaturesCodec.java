package dev.eventsuite.enrich.domain;

import dev.eventsuite.events.SourcePosition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stored form of an entity's state: compact binary, because every entity that changed is
 * written at each checkpoint. Counts and bucket positions are variable-length integers, activity
 * buckets hold counts only, and a bucket of one value holds just that value.
 *
 * <p>A stored window whose length or resolution no longer matches the configuration is dropped on
 * reading; it refills within one window length.
 */
public final class EntityFeaturesCodec {

  /** Version 2 added what the entity remembers of the events it applied; 1 is still read. */
  private static final byte VERSION = 2;

  private static final byte WITHOUT_APPLIED_EVENTS = 1;

  private EntityFeaturesCodec() {}

  public static byte[] encode(EntityFeatures entity) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(entity.entityId);
      writeVarLong(out, entity.totalEvents);
      writeInstant(out, entity.latestEventTime);
      writeNullableText(out, entity.lastEventType);
      writeNullableDouble(out, entity.secondsSincePrevious);
      writeNullableText(out, entity.lastEventId);
      writePosition(out, entity.lastApplied);
      writeAppliedEvents(out, entity.applied);
      writeWindows(out, entity.activity, false);
      writeVarLong(out, entity.series.size());
      for (Map.Entry<String, SeriesState> entry : entity.series.entrySet()) {
        SeriesState state = entry.getValue();
        out.writeUTF(entry.getKey());
        writeNullableText(out, state.metric);
        writeStats(out, state.overall);
        writeNullableDouble(out, state.lastValue);
        writeNullableDouble(out, state.previousValue);
        out.writeDouble(state.ewma);
        writeWindows(out, state.windows, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static EntityFeatures decode(byte[] stored, FeatureSettings settings) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      byte version = in.readByte();
      if (version != VERSION && version != WITHOUT_APPLIED_EVENTS) {
        throw new IllegalArgumentException("unknown stored state version " + version);
      }
      String entityId = in.readUTF();
      long totalEvents = readVarLong(in);
      Instant latest = readInstant(in);
      String lastEventType = readNullableText(in);
      Double secondsSincePrevious = readNullableDouble(in);
      String lastEventId = readNullableText(in);
      SourcePosition lastApplied = readPosition(in);
      AppliedEvents applied =
          version == WITHOUT_APPLIED_EVENTS ? new AppliedEvents() : readAppliedEvents(in);
      SlidingWindow[] activity = readWindows(in, settings, false);
      long seriesCount = readVarLong(in);
      Map<String, SeriesState> series = new HashMap<>();
      for (long i = 0; i < seriesCount; i++) {
        String key = in.readUTF();
        String metric = readNullableText(in);
        RunningStats overall = readStats(in);
        Double lastValue = readNullableDouble(in);
        Double previousValue = readNullableDouble(in);
        double ewma = in.readDouble();
        SlidingWindow[] windows = readWindows(in, settings, true);
        series.put(key, new SeriesState(metric, overall, windows, lastValue, previousValue, ewma));
      }
      return new EntityFeatures(
          entityId,
          totalEvents,
          latest,
          lastEventType,
          secondsSincePrevious,
          lastEventId,
          lastApplied,
          applied,
          activity,
          series,
          settings);
    } catch (IOException e) {
      throw new UncheckedIOException("stored entity state is damaged", e);
    }
  }

  private static void writeAppliedEvents(DataOutputStream out, AppliedEvents applied)
      throws IOException {
    writeVarLong(out, applied.sourceCount);
    for (int i = 0; i < applied.sourceCount; i++) {
      out.writeLong(applied.sources[i]);
      writeVarLong(out, applied.sequences[i]);
    }
    writeVarLong(out, applied.recentCount);
    writeVarLong(out, applied.next);
    for (int i = 0; i < applied.recentCount; i++) {
      out.writeLong(applied.recent[i]);
    }
  }

  private static AppliedEvents readAppliedEvents(DataInputStream in) throws IOException {
    int sourceCount = (int) readVarLong(in);
    long[] sources = new long[AppliedEvents.SOURCES];
    long[] sequences = new long[AppliedEvents.SOURCES];
    for (int i = 0; i < sourceCount; i++) {
      sources[i] = in.readLong();
      sequences[i] = readVarLong(in);
    }
    int recentCount = (int) readVarLong(in);
    int next = (int) readVarLong(in);
    long[] recent = new long[AppliedEvents.RECENT];
    for (int i = 0; i < recentCount; i++) {
      recent[i] = in.readLong();
    }
    return new AppliedEvents(sources, sequences, sourceCount, recent, recentCount, next);
  }

  private static void writeWindows(DataOutputStream out, SlidingWindow[] windows, boolean values)
      throws IOException {
    writeVarLong(out, windows.length);
    for (SlidingWindow window : windows) {
      writeVarLong(out, window.lengthMillis);
      writeVarLong(out, window.bucketMillis);
      writeVarLong(out, window.buckets.size());
      long previous = 0;
      boolean first = true;
      for (Map.Entry<Long, RunningStats> bucket : window.buckets.entrySet()) {
        long index = bucket.getKey();
        if (first) {
          out.writeLong(index);
          first = false;
        } else {
          writeVarLong(out, index - previous);
        }
        previous = index;
        RunningStats stats = bucket.getValue();
        writeVarLong(out, stats.count);
        if (values) {
          writeBucketValues(out, stats);
        }
      }
    }
  }

  private static SlidingWindow[] readWindows(
      DataInputStream in, FeatureSettings settings, boolean values) throws IOException {
    SlidingWindow[] configured = settings.newWindows();
    long storedCount = readVarLong(in);
    for (long w = 0; w < storedCount; w++) {
      long length = readVarLong(in);
      long bucketMillis = readVarLong(in);
      long bucketCount = readVarLong(in);
      NavigableMap<Long, RunningStats> buckets = new TreeMap<>();
      long index = 0;
      for (long b = 0; b < bucketCount; b++) {
        index = b == 0 ? in.readLong() : index + readVarLong(in);
        long count = readVarLong(in);
        RunningStats stats =
            values ? readBucketValues(in, count) : new RunningStats(count, 0, 0, 0, 0);
        buckets.put(index, stats);
      }
      for (int i = 0; i < configured.length; i++) {
        if (configured[i].lengthMillis == length && configured[i].bucketMillis == bucketMillis) {
          configured[i] = new SlidingWindow(length, bucketMillis, buckets);
        }
      }
    }
    return configured;
  }

  private static void writeBucketValues(DataOutputStream out, RunningStats stats)
      throws IOException {
    out.writeDouble(stats.mean);
    if (stats.count > 1) {
      out.writeDouble(stats.m2);
      out.writeDouble(stats.min);
      out.writeDouble(stats.max);
    }
  }

  private static RunningStats readBucketValues(DataInputStream in, long count) throws IOException {
    double mean = in.readDouble();
    return count > 1
        ? new RunningStats(count, mean, in.readDouble(), in.readDouble(), in.readDouble())
        : new RunningStats(count, mean, 0, mean, mean);
  }

  private static void writeStats(DataOutputStream out, RunningStats stats) throws IOException {
    writeVarLong(out, stats.count);
    out.writeDouble(stats.mean);
    out.writeDouble(stats.m2);
    out.writeDouble(stats.min);
    out.writeDouble(stats.max);
  }

  private static RunningStats readStats(DataInputStream in) throws IOException {
    return new RunningStats(
        readVarLong(in), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
  }

  /** An unsigned LEB128 integer: seven bits a byte, the high bit set on all bytes but the last. */
  private static void writeVarLong(DataOutputStream out, long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  private static long readVarLong(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("a variable-length integer is longer than 64 bits");
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      writeVarLong(out, instant.getNano());
    }
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), readVarLong(in)) : null;
  }

  private static void writePosition(DataOutputStream out, SourcePosition position)
      throws IOException {
    out.writeBoolean(position != null);
    if (position != null) {
      out.writeUTF(position.topic());
      writeVarLong(out, position.partition());
      writeVarLong(out, position.offset());
    }
  }

  private static SourcePosition readPosition(DataInputStream in) throws IOException {
    return in.readBoolean()
        ? new SourcePosition(in.readUTF(), (int) readVarLong(in), readVarLong(in))
        : null;
  }

  private static void writeNullableText(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static String readNullableText(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeNullableDouble(DataOutputStream out, Double value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeDouble(value);
    }
  }

  private static Double readNullableDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }
}
