package dev.eventsuite.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/suite oci}: commands for a deployment on Oracle Cloud. */
@Command(
    name = "oci",
    mixinStandardHelpOptions = true,
    description = "Commands for a deployment of the suite on Oracle Cloud.",
    subcommands = {OciCheckCommand.class})
final class OciCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
