package dev.eventsuite.e2e;

import dev.eventsuite.launcher.cli.SuiteCli;
import dev.eventsuite.launcher.suite.RunningSuite;
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

  /** A command run on the given suite's data folder. */
  static SuiteCommand on(RunningSuite suite, String... arguments) {
    String[] withData = new String[arguments.length + 2];
    System.arraycopy(arguments, 0, withData, 0, arguments.length);
    withData[arguments.length] = "--data";
    withData[arguments.length + 1] = suite.dataDir().root().toString();
    return run(withData);
  }
}
