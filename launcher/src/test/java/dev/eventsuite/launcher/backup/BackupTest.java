package dev.eventsuite.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunRecord;
import dev.eventsuite.launcher.suite.SuiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a data folder that a process keeps writing, as the suite's processes do: the copy
 * holds one instant across files, and a restore puts exactly that back.
 */
class BackupTest {

  @TempDir Path dir;

  private final StringWriter output = new StringWriter();
  private final PrintWriter out = new PrintWriter(output, true);
  private Process writer;

  @AfterEach
  void stopWriter() {
    if (writer != null) {
      writer.destroyForcibly();
    }
  }

  @Test
  void shouldCopyOneInstantOfAProcessThatKeepsWriting() throws Exception {
    DataDir data = dataFolderWithARunningWriter();
    long writtenBefore = CheckpointingWriter.written(data.root());

    BackupInfo info = Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);

    Path copy = dir.resolve("backup/data");
    List<String> log = Files.readAllLines(copy.resolve("kafka/log"));
    long offset = Long.parseLong(Files.readString(copy.resolve("enrich-service/offset")).trim());
    long last = Long.parseLong(log.get(log.size() - 1));
    assertThat(last - offset).as("the log's last number against the offset").isBetween(0L, 1L);
    assertThat((long) log.size()).isEqualTo(last).isGreaterThan(writtenBefore);
    assertThat(info.paused()).containsExactly("kafka");
    assertThat(output.toString()).contains("while the suite runs", "paused kafka for");
    CheckpointingWriter.awaitWrittenBeyond(data.root(), last);
  }

  @Test
  void shouldLeaveLogsAndProcessRecordsOutAndListEveryFileInItsChecksums() throws IOException {
    DataDir data = dataFolder();
    Files.writeString(data.logs().resolve("kafka.log"), "started");

    Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);

    assertThat(dir.resolve("backup/data/logs")).doesNotExist();
    assertThat(dir.resolve("backup/data/run")).doesNotExist();
    assertThat(Files.readAllLines(dir.resolve("backup/SHA256SUMS")))
        .extracting(line -> line.substring(66))
        .containsExactly(
            "data/api-key", "data/buckets/inbox/report.csv", "data/enrich-service/features.mv.db");
    assertThat(output.toString()).contains("(the suite is not running)");
  }

  @Test
  void shouldRestoreTheBackupAndKeepTheFolderItReplaces() throws IOException {
    DataDir data = dataFolder();
    String key = data.apiKey();
    Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);
    Files.writeString(data.root().resolve("enrich-service/features.mv.db"), "changed later");
    Files.delete(data.root().resolve("buckets/inbox/report.csv"));

    Optional<Path> aside = Restore.restore(dir.resolve("backup"), data, out);

    assertThat(data.root().resolve("enrich-service/features.mv.db")).hasContent("features");
    assertThat(data.root().resolve("buckets/inbox/report.csv")).hasContent("a,b\n1,2\n");
    assertThat(data.apiKey()).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(apiKey(data))))
        .isEqualTo("rw-------");
    assertThat(aside).isPresent();
    assertThat(aside.get().resolve("enrich-service/features.mv.db")).hasContent("changed later");
  }

  @Test
  void shouldRefuseADamagedBackupAndChangeNothing() throws IOException {
    DataDir data = dataFolder();
    Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);
    Files.writeString(dir.resolve("backup/data/buckets/inbox/report.csv"), "a,b\n1,3\n");
    Files.writeString(data.root().resolve("enrich-service/features.mv.db"), "current");

    assertThatThrownBy(() -> Restore.restore(dir.resolve("backup"), data, out))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("is damaged, nothing was restored")
        .hasMessageContaining("data/buckets/inbox/report.csv does not match its checksum");
    assertThat(data.root().resolve("enrich-service/features.mv.db")).hasContent("current");
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data", "backup");
    }
  }

  @Test
  void shouldRefuseAnIncompleteBackup() throws IOException {
    DataDir data = dataFolder();
    Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);
    Files.delete(dir.resolve("backup/backup.json"));

    assertThatThrownBy(() -> Restore.restore(dir.resolve("backup"), data, out))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("is not a complete backup");
  }

  @Test
  void shouldRefuseToRestoreWhileTheSuiteRuns() throws Exception {
    DataDir data = dataFolderWithARunningWriter();
    Backup.take(data, dir.resolve("backup"), Duration.ofSeconds(30), out);

    assertThatThrownBy(() -> Restore.restore(dir.resolve("backup"), data, out))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("bin/suite down");
  }

  @Test
  void shouldRefuseABackupInsideTheDataFolderOrOverAnExistingOne() throws IOException {
    DataDir data = dataFolder();
    Files.createDirectories(dir.resolve("existing"));

    assertThatThrownBy(
            () -> Backup.take(data, data.root().resolve("b"), Duration.ofSeconds(30), out))
        .hasMessageContaining("cannot be made inside the data folder");
    assertThatThrownBy(
            () -> Backup.take(data, dir.resolve("existing"), Duration.ofSeconds(30), out))
        .hasMessageContaining("exists already");
  }

  private DataDir dataFolder() throws IOException {
    DataDir data = new DataDir(dir.resolve("data"));
    data.prepare();
    data.apiKey();
    Files.writeString(data.buckets().resolve("inbox/report.csv"), "a,b\n1,2\n");
    Files.createDirectories(data.root().resolve("enrich-service"));
    Files.writeString(data.root().resolve("enrich-service/features.mv.db"), "features");
    return data;
  }

  /**
   * A data folder with a {@link CheckpointingWriter} running in it, recorded as the suite's broker.
   * A copy made file by file while it runs would find the log and the offset of different instants.
   */
  private DataDir dataFolderWithARunningWriter() throws Exception {
    DataDir data = dataFolder();
    writer = CheckpointingWriter.start(data.root());
    Instant started = writer.info().startInstant().orElseThrow();
    Files.write(
        data.run().resolve("kafka.json"),
        EventJson.toBytes(new RunRecord("kafka", writer.pid(), started, 9092, "localhost:9092")));
    CheckpointingWriter.awaitWrittenBeyond(data.root(), 50);
    return data;
  }

  private static Path apiKey(DataDir data) {
    return data.root().resolve("api-key");
  }
}
