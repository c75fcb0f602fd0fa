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

/**
 * The stored form of an entity's state: compact binary, because the store is written for every
 * entity that changed at each checkpoint. Window buckets kept at another resolution than the
 * configured one are dropped on reading; they refill within one window length.
 */
public final class EntityFeaturesCodec {

  private static final byte VERSION = 1;

  private EntityFeaturesCodec() {}

  public static byte[] encode(EntityFeatures entity) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(entity.entityId);
      out.writeLong(entity.totalEvents);
      writeInstant(out, entity.latestEventTime);
      writeNullableText(out, entity.lastEventType);
      writeNullableDouble(out, entity.secondsSincePrevious);
      writeNullableText(out, entity.lastEventId);
      writePosition(out, entity.lastApplied);
      writeBuckets(out, entity.activity);
      out.writeInt(entity.series.size());
      for (Map.Entry<String, SeriesState> entry : entity.series.entrySet()) {
        SeriesState state = entry.getValue();
        out.writeUTF(entry.getKey());
        writeNullableText(out, state.metric);
        writeStats(out, state.overall);
        writeNullableDouble(out, state.lastValue);
        writeNullableDouble(out, state.previousValue);
        out.writeDouble(state.ewma);
        writeBuckets(out, state.windows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static EntityFeatures decode(byte[] stored, FeatureSettings settings) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown stored state version " + version);
      }
      String entityId = in.readUTF();
      long totalEvents = in.readLong();
      Instant latest = readInstant(in);
      String lastEventType = readNullableText(in);
      Double secondsSincePrevious = readNullableDouble(in);
      String lastEventId = readNullableText(in);
      SourcePosition lastApplied = readPosition(in);
      long bucketMillis = settings.bucket().toMillis();
      WindowBuckets activity = readBuckets(in, bucketMillis);
      int seriesCount = in.readInt();
      Map<String, SeriesState> series = new HashMap<>();
      for (int i = 0; i < seriesCount; i++) {
        String key = in.readUTF();
        String metric = readNullableText(in);
        RunningStats overall = readStats(in);
        Double lastValue = readNullableDouble(in);
        Double previousValue = readNullableDouble(in);
        double ewma = in.readDouble();
        WindowBuckets windows = readBuckets(in, bucketMillis);
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
          activity,
          series,
          settings);
    } catch (IOException e) {
      throw new UncheckedIOException("stored entity state is damaged", e);
    }
  }

  private static void writeBuckets(DataOutputStream out, WindowBuckets buckets) throws IOException {
    out.writeLong(buckets.bucketMillis());
    out.writeInt(buckets.buckets().size());
    for (Map.Entry<Long, RunningStats> bucket : buckets.buckets().entrySet()) {
      out.writeLong(bucket.getKey());
      writeStats(out, bucket.getValue());
    }
  }

  private static WindowBuckets readBuckets(DataInputStream in, long bucketMillis)
      throws IOException {
    long storedMillis = in.readLong();
    int count = in.readInt();
    WindowBuckets buckets = new WindowBuckets(bucketMillis);
    for (int i = 0; i < count; i++) {
      long index = in.readLong();
      RunningStats stats = readStats(in);
      if (storedMillis == bucketMillis) {
        buckets.buckets().put(index, stats);
      }
    }
    return buckets;
  }

  private static void writeStats(DataOutputStream out, RunningStats stats) throws IOException {
    out.writeLong(stats.count);
    out.writeDouble(stats.mean);
    out.writeDouble(stats.m2);
    out.writeDouble(stats.min);
    out.writeDouble(stats.max);
  }

  private static RunningStats readStats(DataInputStream in) throws IOException {
    return new RunningStats(
        in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  private static void writePosition(DataOutputStream out, SourcePosition position)
      throws IOException {
    out.writeBoolean(position != null);
    if (position != null) {
      out.writeUTF(position.topic());
      out.writeInt(position.partition());
      out.writeLong(position.offset());
    }
  }

  private static SourcePosition readPosition(DataInputStream in) throws IOException {
    return in.readBoolean() ? new SourcePosition(in.readUTF(), in.readInt(), in.readLong()) : null;
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
