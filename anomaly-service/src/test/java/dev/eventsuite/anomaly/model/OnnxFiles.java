package dev.eventsuite.anomaly.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small ONNX models for tests, in ONNX's protobuf encoding, so no model file or Python tool
 * is needed: a weighted sum of the inputs, {@code features [1, n] x weights [n, 1] -> score [1,
 * 1]}.
 */
final class OnnxFiles {

  private static final int FLOAT = 1;

  private OnnxFiles() {}

  static Path weightedSum(Path file, float... weights) throws IOException {
    ByteBuffer raw = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float weight : weights) {
      raw.putFloat(weight);
    }
    byte[] initializer =
        new Proto()
            .int64(1, weights.length)
            .int64(1, 1)
            .int64(2, FLOAT)
            .string(8, "weights")
            .bytes(9, raw.array())
            .build();
    byte[] node =
        new Proto()
            .string(1, "features")
            .string(1, "weights")
            .string(2, "score")
            .string(3, "sum")
            .string(4, "MatMul")
            .build();
    byte[] graph =
        new Proto()
            .message(1, node)
            .string(2, "weighted-sum")
            .message(5, initializer)
            .message(11, tensor("features", 1, weights.length))
            .message(12, tensor("score", 1, 1))
            .build();
    byte[] opset = new Proto().string(1, "").int64(2, 13).build();
    byte[] model =
        new Proto()
            .int64(1, 8)
            .string(2, "event-suite-tests")
            .message(7, graph)
            .message(8, opset)
            .build();
    return Files.write(file, model);
  }

  /** A float tensor's name and shape (ValueInfoProto). */
  private static byte[] tensor(String name, long... dims) {
    Proto shape = new Proto();
    for (long dim : dims) {
      shape.message(1, new Proto().int64(1, dim).build());
    }
    byte[] tensorType = new Proto().int64(1, FLOAT).message(2, shape.build()).build();
    byte[] type = new Proto().message(1, tensorType).build();
    return new Proto().string(1, name).message(2, type).build();
  }

  /** Protobuf's wire format: varints and length-delimited fields, enough for ONNX's messages. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto int64(int field, long value) {
      varint((long) field << 3);
      varint(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, byte[] message) {
      return bytes(field, message);
    }

    Proto bytes(int field, byte[] value) {
      varint((long) field << 3 | 2);
      varint(value.length);
      out.writeBytes(value);
      return this;
    }

    private void varint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) (value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }

    byte[] build() {
      return out.toByteArray();
    }
  }
}
