package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.backup.Backup;
import dev.eventsuite.launcher.backup.BackupInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copies the data folder into a new folder, consistent across the broker, the stores, the"
          + " vector index and the buckets, while the suite runs.",
      "A first pass copies while the suite works; then its processes are paused (SIGSTOP) for a"
          + " second pass that copies only what changed, and resumed. Requests made meanwhile"
          + " wait. The backup holds data/, SHA256SUMS (sha256sum -c checks it) and backup.json."
    })
final class BackupCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DataOption data;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "The backup's folder, which must not exist (default: DATA-backup-TIME beside it).")
  Path target;

  @Option(
      names = "--max-pause",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "The longest the suite may stay paused; a longer second pass discards the backup"
              + " (default ${DEFAULT-VALUE}).")
  long maxPauseSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path root = data.dataDir().root();
    Path folder =
        target != null
            ? target
            : root.resolveSibling(
                root.getFileName() + "-backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
    out.println("Backing up " + root + " to " + folder.toAbsolutePath().normalize());
    BackupInfo info = Backup.take(data.dataDir(), folder, Duration.ofSeconds(maxPauseSeconds), out);
    out.printf(
        "Backup complete: %d files (%.1f MB) as of %s.%nRestore it with: bin/suite down; bin/suite"
            + " restore %s%n",
        info.files(), info.bytes() / 1e6, info.takenAt(), folder);
    return 0;
  }
}
