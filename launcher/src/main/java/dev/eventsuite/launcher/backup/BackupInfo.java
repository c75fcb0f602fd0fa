package dev.eventsuite.launcher.backup;

import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, in its {@code backup.json}, written last: a folder without it is not a
 * complete backup.
 *
 * @param takenAt the instant whose state the copy holds: when the suite was paused, or the end of
 *     the copy when it was not running
 * @param dataFolder the data folder copied
 * @param files the files copied
 * @param bytes their total size
 * @param paused the components paused for the second pass; empty when the suite was not running
 * @param pausedMillis how long they were paused
 * @param bytesWrittenWhilePaused what the second pass had to copy
 */
public record BackupInfo(
    Instant takenAt,
    String dataFolder,
    long files,
    long bytes,
    List<String> paused,
    long pausedMillis,
    long bytesWrittenWhilePaused) {

  static final String FILE = "backup.json";

  /** The folder inside a backup that holds the copy of the data folder. */
  static final String DATA = "data";

  /** The checksums file inside a backup. */
  static final String SUMS = "SHA256SUMS";

  void write(Path backup) throws IOException {
    Files.write(backup.resolve(FILE), EventJson.toBytes(this));
  }

  static BackupInfo read(Path backup) throws IOException {
    try {
      return EventJson.fromBytes(Files.readAllBytes(backup.resolve(FILE)), BackupInfo.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
