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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Puts a backup back as the data folder, while the suite is stopped. The backup is copied beside
 * the data folder and checked against its checksums first; only then is the data folder moved aside
 * (kept, so a restore can be undone) and the copy put in its place.
 */
public final class Restore {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Restore() {}

  /**
   * Restores {@code backup} into the data folder.
   *
   * @return where the data folder it replaced was moved, if there was one
   */
  public static Optional<Path> restore(Path backup, DataDir data, PrintWriter out) {
    Path source = backup.toAbsolutePath().normalize();
    Path root = data.root();
    List<Component> running = List.copyOf(Suite.processes(data).keySet());
    if (!running.isEmpty()) {
      throw new SuiteException(
          "the suite is running from " + root + "; stop it with 'bin/suite down' first");
    }
    Path staging = root.resolveSibling("." + root.getFileName() + ".restoring");
    try {
      BackupInfo info = BackupInfo.read(source);
      if (info == null) {
        throw new SuiteException(
            source + " is not a complete backup: it has no " + BackupInfo.FILE);
      }
      Folders.deleteRecursively(staging);
      TreeCopy.Pass copied =
          new TreeCopy().sync(source.resolve(BackupInfo.DATA), staging, path -> true);
      List<String> problems =
          Checksums.verify(staging, BackupInfo.DATA, source.resolve(BackupInfo.SUMS));
      if (!problems.isEmpty()) {
        throw new SuiteException(
            "the backup "
                + source
                + " is damaged, nothing was restored: "
                + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
      }
      out.printf(
          "  copied and checked %d files (%s) of the backup taken at %s%n",
          copied.files(), Backup.megabytes(copied.bytes()), info.takenAt());
      Optional<Path> aside = Optional.empty();
      if (Files.exists(root)) {
        Path moved =
            root.resolveSibling(
                root.getFileName()
                    + ".before-restore-"
                    + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Files.move(root, moved);
        aside = Optional.of(moved);
      }
      Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
      return aside;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + source + " into " + root, e);
    } finally {
      try {
        Folders.deleteRecursively(staging);
      } catch (UncheckedIOException e) {
        out.println("  could not remove " + staging + ": " + e.getMessage());
      }
    }
  }
}
