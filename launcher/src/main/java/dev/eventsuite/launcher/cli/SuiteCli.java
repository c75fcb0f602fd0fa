package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.SuiteException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/suite}: runs the suite locally and talks to it. */
@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    version = "Event Suite 0.1.0",
    description =
        "Runs the Event Suite locally on its embedded defaults (a Kafka broker and the five"
            + " services), sends it events, and checks a deployment on Oracle Cloud.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      UploadCommand.class,
      SearchCommand.class,
      ProduceCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      FaultsCommand.class,
      SuperviseCommand.class,
      OciCommand.class
    })
public final class SuiteCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The CLI probes the broker while it starts; the Kafka client's connection warnings are noise.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.exit(commandLine().execute(args));
  }

  /** The command line with the suite's error handling: known failures print their message only. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new SuiteCli());
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          if (exception instanceof SuiteException) {
            err.println("error: " + exception.getMessage());
          } else {
            exception.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
