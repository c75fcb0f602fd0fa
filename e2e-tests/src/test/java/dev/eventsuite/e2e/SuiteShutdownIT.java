package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.launcher.kafka.BrokerTls;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunRecord;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other end-to-end test: stopping the suite leaves nothing behind, and the logs of
 * the whole run hold no secret.
 */
@Order(Integer.MAX_VALUE)
class SuiteShutdownIT {

  @Test
  void shouldLeaveNoProcessBehindWhenStopped() {
    RunningSuite suite = SuiteUnderTest.get();
    List<RunRecord> records = List.of(Component.values()).stream().map(suite::record).toList();

    List<Component> stopped =
        Suite.down(suite.dataDir(), new PrintStream(OutputStream.nullOutputStream()));

    assertThat(stopped).containsExactlyInAnyOrder(Component.values());
    assertThat(records)
        .allSatisfy(
            r -> assertThat(ProcessHandle.of(r.pid()).filter(ProcessHandle::isAlive)).isEmpty());
  }

  @Test
  void shouldWriteNoKeyIntoAnyLogOfTheRun() throws IOException {
    RunningSuite suite = SuiteUnderTest.get();
    String apiKey = suite.apiKey();
    String brokerKey = privateKeyBody(new BrokerTls(suite.dataDir().tls()).keyStore());
    List<Path> logs;
    try (Stream<Path> files = Files.walk(suite.dataDir().logs())) {
      logs = files.filter(Files::isRegularFile).toList();
    }

    // Every component logged, and every request of the run carried the key.
    assertThat(logs).hasSizeGreaterThanOrEqualTo(Component.values().length);
    for (Path log : logs) {
      assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
          .as("%s", log.getFileName())
          .doesNotContain(apiKey)
          .doesNotContain(brokerKey);
    }
  }

  /** The base64 lines of the PEM private key, without its armour. */
  private static String privateKeyBody(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int start = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    assertThat(start).as("a private key in %s", pem).isNotNegative();
    return text.substring(start + "-----BEGIN PRIVATE KEY-----".length(), end).strip();
  }
}
