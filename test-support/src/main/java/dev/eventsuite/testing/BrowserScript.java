package dev.eventsuite.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the scripts in {@code browser-tests/} that drive a web page in headless Chromium
 * through playwright-core. Where Chromium or the driver is missing, the calling test is skipped
 * with the reason.
 */
public final class BrowserScript {

  /** The scripts' folder, seen from a module's folder (where Maven runs its tests). */
  private static final Path SCRIPTS = Path.of("../browser-tests");

  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  /** What the script printed, and whether it ended well. */
  public record Outcome(boolean passed, String output) {}

  private BrowserScript() {}

  /** Skips the calling test unless Chromium and the page driver are installed. */
  public static void assumeBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    assumeTrue(
        Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
        "playwright-core is not installed in "
            + SCRIPTS.toAbsolutePath().normalize()
            + " (npm ci)");
  }

  /** Runs a script with its arguments, for at most two minutes. */
  public static Outcome run(String script, String... arguments) {
    assumeBrowser();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    try {
      Process node =
          new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
      boolean ended = node.waitFor(120, TimeUnit.SECONDS);
      if (!ended) {
        node.destroyForcibly();
      }
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Outcome(ended && node.exitValue() == 0, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where a page's screenshot goes: {@code target/screenshots/NAME.png} of the module. */
  public static Path screenshot(String name) {
    try {
      return Files.createDirectories(Path.of("target/screenshots"))
          .resolve(name + ".png")
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
