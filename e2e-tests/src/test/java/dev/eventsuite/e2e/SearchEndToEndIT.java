package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.launcher.suite.RunningSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document uploaded to a bucket is found by a search from the terminal, through every service:
 * ingest, enrich, embed, search.
 */
@Order(2)
class SearchEndToEndIT {

  @TempDir Path dir;

  @Test
  void shouldFindAnUploadedDocumentBySearchingForWhatItSays() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String bucket = "e2e-search-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        dir.resolve("lighthouse.md"),
        "# Lighthouse keeping\n\nThe keeper trims the lamp wick at dusk and winds the clockwork"
            + " that turns the lens through the night.\n");

    SuiteCommand upload = SuiteCommand.on(suite, "upload", dir.toString(), "--bucket", bucket);
    long uploaded = System.nanoTime();
    assertThat(upload.exitCode()).as(upload.output()).isZero();

    AtomicReference<SuiteCommand> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              SuiteCommand search =
                  SuiteCommand.on(
                      suite,
                      "search",
                      "who turns the lamp at night?",
                      "--collection",
                      bucket,
                      "--k",
                      "3");
              found.set(search);
              return search.exitCode() == 0 && search.output().contains("Lighthouse keeping");
            });
    System.out.printf(
        "uploaded document found by search after %.2f s%n", (System.nanoTime() - uploaded) / 1e9);

    assertThat(found.get().output())
        .contains("1  ")
        .contains(bucket + "/lighthouse.md")
        .contains("lamp wick");
    SuiteCommand keyword =
        SuiteCommand.on(suite, "search", "clockwork", "--mode", "keyword", "--collection", bucket);
    assertThat(keyword.output()).contains("Lighthouse keeping");
    // bin/suite itself: its first search writes the class-data archive, the second starts from it.
    List<String> script =
        List.of(
            Path.of(System.getProperty("suite.home"), "bin", "suite").toString(),
            "search",
            "clockwork",
            "--mode",
            "keyword",
            "--collection",
            bucket,
            "--data",
            suite.dataDir().root().toString());
    assertThat(run(script)).isEqualTo(keyword.output());
    assertThat(run(script)).isEqualTo(keyword.output());
    SuiteCommand nothing =
        SuiteCommand.on(suite, "search", "clockwork", "--collection", "no-such-bucket");
    assertThat(nothing.output()).contains("Nothing found.");
  }

  /** A command's output, stdout and stderr together; fails unless it exits 0. */
  private static String run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("COLUMNS", "100");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
