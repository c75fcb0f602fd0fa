package dev.eventsuite.launcher.backup;

import dev.eventsuite.launcher.Folders;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.Suite;
import dev.eventsuite.launcher.suite.SuiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A consistent copy of the data folder, taken while the suite runs.
 *
 * <p>A first pass copies everything while the suite keeps working. Then every process of the suite
 * is paused (SIGSTOP, services first, the broker last) and a second pass copies what changed since,
 * block by block; then they are resumed. The copy is thus the state of one instant across the
 * broker's log, its consumer offsets, each service's store and checkpoints, the vector index and
 * the buckets: the state a crash of the whole suite at that instant would leave, which the suite
 * recovers from with nothing lost or doubled. Requests made during the pause wait, they do not
 * fail.
 */
public final class Backup {

  private Backup() {}

  /**
   * Copies the data folder into {@code target}, which must not exist yet.
   *
   * @param maxPause the longest the suite may stay paused; a backup whose second pass takes longer
   *     is discarded and the suite resumed
   */
  public static BackupInfo take(DataDir data, Path target, Duration maxPause, PrintWriter out) {
    Path root = data.root();
    Path backup = target.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new SuiteException("there is no data folder at " + root);
    }
    if (Files.exists(backup)) {
      throw new SuiteException(backup + " exists already; choose a new folder for the backup");
    }
    if (backup.startsWith(root)) {
      throw new SuiteException("a backup cannot be made inside the data folder " + root);
    }
    Path partial = backup.resolveSibling("." + backup.getFileName() + ".partial");
    try {
      Files.createDirectories(backup.getParent());
      Folders.deleteRecursively(partial);
      BackupInfo info = copy(data, partial, maxPause, out);
      Checksums.write(
          partial.resolve(BackupInfo.DATA), BackupInfo.DATA, partial.resolve(BackupInfo.SUMS));
      info.write(partial);
      Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot back up " + root + " to " + backup, e);
    } finally {
      try {
        Folders.deleteRecursively(partial);
      } catch (UncheckedIOException e) {
        out.println("  could not remove " + partial + ": " + e.getMessage());
      }
    }
  }

  private static BackupInfo copy(DataDir data, Path partial, Duration maxPause, PrintWriter out)
      throws IOException {
    Path root = data.root();
    Path copy = partial.resolve(BackupInfo.DATA);
    TreeCopy tree = new TreeCopy();
    Map<Component, ProcessHandle> running = Suite.processes(data);
    TreeCopy.Pass first = tree.sync(root, copy, DataDir::holdsState);
    out.printf(
        "  copied %d files (%s) %s%n",
        first.files(),
        megabytes(first.bytes()),
        running.isEmpty() ? "(the suite is not running)" : "while the suite runs");
    if (running.isEmpty()) {
      return new BackupInfo(
          Instant.now(), root.toString(), first.files(), first.bytes(), List.of(), 0, 0);
    }
    List<ProcessHandle> order = new ArrayList<>();
    List<String> paused = new ArrayList<>();
    for (Component component : pauseOrder()) {
      ProcessHandle process = running.get(component);
      if (process != null) {
        order.add(process);
        paused.add(component.id());
      }
    }
    TreeCopy.Pass second;
    Duration pausedFor;
    Instant instant;
    try (Pause pause = Pause.of(order, maxPause)) {
      instant = pause.startedAt();
      second = tree.sync(root, copy, DataDir::holdsState);
      pausedFor = pause.elapsed();
      if (!pause.heldThroughout()) {
        throw new SuiteException(
            "the second pass took longer than the longest pause allowed ("
                + maxPause.toSeconds()
                + " s), so the copy is not consistent and was not kept; raise --max-pause or"
                + " back up while the suite is stopped");
      }
    }
    out.printf(
        "  paused %s for %d ms and copied what changed: %d files (%s)%n",
        String.join(", ", paused),
        pausedFor.toMillis(),
        second.filesWritten(),
        megabytes(second.bytesWritten()));
    return new BackupInfo(
        instant,
        root.toString(),
        second.files(),
        second.bytes(),
        paused,
        pausedFor.toMillis(),
        second.bytesWritten());
  }

  /** Services first, so what they hand the broker before they stop reaches it; the broker last. */
  private static List<Component> pauseOrder() {
    List<Component> order = new ArrayList<>(Component.services());
    order.add(Component.KAFKA);
    return order;
  }

  static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}
