package dev.eventsuite.launcher.kafka;

import static dev.eventsuite.launcher.kafka.EmbeddedKafkaTest.consumeAll;
import static dev.eventsuite.launcher.kafka.EmbeddedKafkaTest.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTlsTest {

  @TempDir static Path folder;

  private static BrokerTls tls;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBrokerWithTls() {
    tls = BrokerTls.createIfMissing(folder.resolve("tls"), Set.of());
    kafka = EmbeddedKafka.builder().partitions(1).topics(List.of("secured")).tls(tls, 0).start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldCarryRecordsToAndFromClientsThatTrustItsCertificate() throws Exception {
    String address = kafka.tlsBootstrapServers().orElseThrow();

    produce(address, "secured", "k", "sent over TLS", tls.clientSettings());

    assertThat(consumeAll(address, "secured", 1, tls.clientSettings()))
        .containsExactly("sent over TLS");
  }

  @Test
  void shouldRefuseClientsThatTrustAnotherCertificate() {
    BrokerTls stranger = BrokerTls.createIfMissing(folder.resolve("stranger"), Set.of());
    Map<String, Object> settings = new HashMap<>(stranger.clientSettings());
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);

    assertThatThrownBy(
            () ->
                produce(
                    kafka.tlsBootstrapServers().orElseThrow(), "secured", "k", "refused", settings))
        .hasCauseInstanceOf(SslAuthenticationException.class)
        .hasMessageContaining("SSL handshake failed");
  }

  @Test
  void shouldRefuseClientsThatDoNotSpeakTls() {
    Map<String, Object> plaintext = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);

    assertThatThrownBy(
            () ->
                produce(
                    kafka.tlsBootstrapServers().orElseThrow(),
                    "secured",
                    "k",
                    "refused",
                    plaintext))
        .hasMessageContaining("Topic secured not present in metadata after 5000 ms");
  }

  @Test
  void shouldKeepItsPrivateKeyToItsOwnerAndReuseItOnTheNextStart() throws Exception {
    Path kept = folder.resolve("kept");
    BrokerTls first = BrokerTls.createIfMissing(kept, Set.of());
    String key = Files.readString(first.keyStore());

    BrokerTls again = BrokerTls.createIfMissing(kept, Set.of());

    assertThat(Files.readString(again.keyStore())).isEqualTo(key).contains("BEGIN PRIVATE KEY");
    assertThat(Files.getPosixFilePermissions(again.keyStore()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(again.trustStore()))
        .contains("BEGIN CERTIFICATE")
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void shouldMakeANewCertificateWhenClientsReachTheBrokerByANewName() throws Exception {
    Path renamed = folder.resolve("renamed");
    String before = Files.readString(BrokerTls.createIfMissing(renamed, Set.of()).trustStore());

    BrokerTls named = BrokerTls.createIfMissing(renamed, Set.of("kafka.internal"));

    assertThat(Files.readString(named.trustStore())).isNotEqualTo(before);
    assertThat(BrokerTls.createIfMissing(renamed, Set.of("kafka.internal")).trustStore())
        .hasContent(Files.readString(named.trustStore()));
  }
}
