package dev.eventsuite.anomaly.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packed form of a block of one series' scored events: a format version, the count, then per
 * event its id, time (epoch seconds and nanoseconds), value, feature and score (NaN for none) and
 * flag.
 */
final class ScoredBlocks {

  /** The most events in one block. */
  static final int MAX_EVENTS = 1000;

  private static final int VERSION = 1;

  private ScoredBlocks() {}

  static byte[] encode(List<ScoredEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * events.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(events.size());
      for (ScoredEvent event : events) {
        out.writeUTF(event.eventId());
        out.writeLong(event.eventTime().getEpochSecond());
        out.writeInt(event.eventTime().getNano());
        out.writeDouble(event.value() == null ? Double.NaN : event.value());
        out.writeDouble(event.input() == null ? Double.NaN : event.input());
        out.writeDouble(event.score());
        out.writeBoolean(event.anomaly());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The events of a block of one series, with the block's entity, metric, method and time. */
  static List<ScoredEvent> decode(
      String entityId, String metric, String method, Instant writtenAt, byte[] block) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
      int version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("a scored block of unknown format " + version);
      }
      int count = in.readInt();
      List<ScoredEvent> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String eventId = in.readUTF();
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        double value = in.readDouble();
        double input = in.readDouble();
        double score = in.readDouble();
        boolean anomaly = in.readBoolean();
        events.add(
            new ScoredEvent(
                eventId,
                entityId,
                metric,
                time,
                Double.isNaN(value) ? null : value,
                Double.isNaN(input) ? null : input,
                score,
                anomaly,
                method,
                writtenAt,
                null));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
