package dev.eventsuite.e2e;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole suite, started once for the end-to-end tests exactly as {@code bin/suite up} starts it,
 * on free ports and a fresh data folder so it never collides with a suite already running here.
 */
final class SuiteUnderTest {

  private static RunningSuite suite;
  private static double startSeconds;

  private SuiteUnderTest() {}

  static synchronized RunningSuite get() {
    if (suite == null) {
      Path home = Path.of(System.getProperty("suite.home"));
      Path data = home.resolve("e2e-tests/target/e2e-data");
      deleteRecursively(data);
      long start = System.nanoTime();
      suite =
          Suite.up(
              new Suite.Options(
                  home, new DataDir(data), freePorts(), 3, Duration.ofSeconds(120), System.out));
      startSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("the suite was ready in %.1f s%n", startSeconds);
    }
    return suite;
  }

  static double startSeconds() {
    return startSeconds;
  }

  /** Free ports for every component; Kafka's controller takes the port after the broker's. */
  private static Map<Component, Integer> freePorts() {
    Map<Component, Integer> ports = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      int port = freePort();
      while (component == Component.KAFKA && !isFree(port + 1)) {
        port = freePort();
      }
      ports.put(component, port);
    }
    return ports;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
