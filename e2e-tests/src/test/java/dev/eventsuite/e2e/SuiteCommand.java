package dev.eventsuite.e2e;

import dev.eventsuite.launcher.cli.SuiteCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code bin/suite} command run in the test JVM: its exit code and everything it printed. */
record SuiteCommand(int exitCode, String output) {

  static SuiteCommand run(String... arguments) {
    StringWriter out = new StringWriter();
    CommandLine cli = SuiteCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int exitCode = cli.execute(arguments);
    return new SuiteCommand(exitCode, out.toString());
  }
}
