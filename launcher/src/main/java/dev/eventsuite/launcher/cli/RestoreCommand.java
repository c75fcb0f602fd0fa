package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.backup.Restore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Puts a backup made by 'bin/suite backup' back as the data folder; the suite must be stopped.",
      "The backup is copied and checked against its checksums before anything is replaced; the"
          + " data folder it replaces is moved aside, not deleted. Start the suite again with"
          + " 'bin/suite up': it carries on from the instant of the backup."
    })
final class RestoreCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DataOption data;

  @Parameters(index = "0", paramLabel = "DIR", description = "The backup's folder.")
  Path backup;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path root = data.dataDir().root();
    out.println("Restoring " + backup.toAbsolutePath().normalize() + " into " + root);
    Optional<Path> aside = Restore.restore(backup, data.dataDir(), out);
    aside.ifPresent(path -> out.println("  the data folder it replaced is kept in " + path));
    out.println("Restored. Start the suite with: bin/suite up");
    return 0;
  }
}
