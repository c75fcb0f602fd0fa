package dev.eventsuite.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pausing a real process: it holds still until resumed, and never stays stopped past the bound. */
class PauseTest {

  @TempDir Path dir;

  private Process writer;

  @BeforeEach
  void startWriter() throws Exception {
    writer = CheckpointingWriter.start(dir);
    CheckpointingWriter.awaitWrittenBeyond(dir, 10);
  }

  @AfterEach
  void stopWriter() {
    writer.destroyForcibly();
  }

  @Test
  void shouldHoldTheProcessStillUntilClosed() throws Exception {
    long heldAt;
    try (Pause pause = Pause.of(List.of(writer.toHandle()), Duration.ofSeconds(30))) {
      heldAt = CheckpointingWriter.written(dir);
      // a writer that runs flat out writes thousands of numbers in this time
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(1))
          .until(() -> CheckpointingWriter.written(dir) == heldAt);
      assertThat(pause.heldThroughout()).isTrue();
    }
    CheckpointingWriter.awaitWrittenBeyond(dir, heldAt);
  }

  @Test
  void shouldResumeTheProcessAfterTheBoundWhenNeverClosed() throws Exception {
    Pause pause = Pause.of(List.of(writer.toHandle()), Duration.ofSeconds(1));
    long heldAt = CheckpointingWriter.written(dir);

    CheckpointingWriter.awaitWrittenBeyond(dir, heldAt);

    assertThat(pause.heldThroughout()).isFalse();
    assertThat(pause.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    pause.close();
  }
}
