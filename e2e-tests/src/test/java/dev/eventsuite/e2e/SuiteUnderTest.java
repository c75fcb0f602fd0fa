package dev.eventsuite.e2e;

import dev.eventsuite.launcher.Folders;
import dev.eventsuite.launcher.faults.FaultSuite;
import dev.eventsuite.launcher.faults.WebhookInbox;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.FreePorts;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole suite, started once for the end-to-end tests exactly as {@code bin/suite up} starts it,
 * on free ports and a fresh data folder so it never collides with a suite already running here.
 */
final class SuiteUnderTest {

  private static RunningSuite suite;
  private static Suite.Options options;
  private static WebhookInbox alerts;
  private static double startSeconds;

  private SuiteUnderTest() {}

  static synchronized RunningSuite get() {
    if (suite == null) {
      Path home = Path.of(System.getProperty("suite.home"));
      Path data = home.resolve("e2e-tests/target/e2e-data");
      Folders.deleteRecursively(data);
      alerts = startWebhookInbox();
      long start = System.nanoTime();
      options =
          new Suite.Options(
              home,
              new DataDir(data),
              FreePorts.forAllComponents(),
              3,
              Duration.ofSeconds(120),
              System.out,
              Component.services(),
              FaultSuite.settings(alerts));
      suite = Suite.up(options);
      startSeconds = (System.nanoTime() - start) / 1e9;
      // A run of some of the tests never reaches SuiteShutdownIT: leave no process behind anyway.
      DataDir dataDir = suite.dataDir();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> Suite.down(dataDir, new PrintStream(OutputStream.nullOutputStream())),
                  "e2e-suite-down"));
      System.out.printf("the suite was ready in %.1f s%n", startSeconds);
    }
    return suite;
  }

  /**
   * Stops the suite, runs what must happen while it is stopped, and starts it again on the same
   * ports and data folder.
   */
  static synchronized RunningSuite restart(Runnable whileStopped) {
    get().stop(System.out);
    whileStopped.run();
    suite = Suite.up(options);
    return suite;
  }

  /** The webhook receiving the suite's alerts. */
  static synchronized WebhookInbox alerts() {
    get();
    return alerts;
  }

  private static WebhookInbox startWebhookInbox() {
    try {
      return new WebhookInbox();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double startSeconds() {
    return startSeconds;
  }
}
