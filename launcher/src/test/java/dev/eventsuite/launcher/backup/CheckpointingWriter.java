package dev.eventsuite.launcher.backup;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A process that writes as a consumer with a checkpoint does, as fast as it can: it appends a
 * number to {@code kafka/log}, then records that number in {@code enrich-service/offset}, replaced
 * atomically. In the state of any instant, the log's last number is the offset or one more.
 */
public final class CheckpointingWriter {

  private CheckpointingWriter() {}

  /** Starts one in its own JVM, writing into the data folder's root. */
  static Process start(Path root) throws IOException {
    Files.createDirectories(root.resolve("kafka"));
    Files.createDirectories(root.resolve("enrich-service"));
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CheckpointingWriter.class.getName(),
            root.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** How many numbers the writer has appended to its log so far. */
  static long written(Path root) throws IOException {
    Path log = root.resolve("kafka/log");
    if (!Files.exists(log)) {
      return 0;
    }
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().count();
  }

  /** Waits up to 30 s until the writer has written more than the given count. */
  static void awaitWrittenBeyond(Path root, long count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> written(root) > count);
  }

  /** Runs in the data folder given as the first argument until killed. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path offset = root.resolve("enrich-service/offset");
    Path next = root.resolve("enrich-service/offset.next");
    try (FileChannel log =
        FileChannel.open(
            root.resolve("kafka/log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (long i = 1; ; i++) {
        log.write(ByteBuffer.wrap((i + "\n").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(next, Long.toString(i));
        Files.move(next, offset, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }
}
