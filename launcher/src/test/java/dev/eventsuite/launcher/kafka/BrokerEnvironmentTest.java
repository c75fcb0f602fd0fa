package dev.eventsuite.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerEnvironmentTest {

  @Test
  void shouldNameSettingsAsTheApacheKafkaImageDoes() {
    Map<String, String> settings =
        BrokerEnvironment.settings(
            Map.of(
                "KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://broker:9092",
                "KAFKA_LISTENER_NAME_INTERNAL_SASL_JAAS_CONFIG", "x",
                "KAFKA_CONFLUENT__SUPPORT", "y",
                "KAFKA_LOG_CLEANER___DEDUPE", "z"));

    assertThat(settings)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "advertised.listeners", "PLAINTEXT://broker:9092",
                "listener.name.internal.sasl.jaas.config", "x",
                "confluent_support", "y",
                "log.cleaner-dedupe", "z"));
  }

  @Test
  void shouldLeaveOutTheJvmsVariablesAndEverythingElse() {
    Map<String, String> settings =
        BrokerEnvironment.settings(
            Map.of(
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_OPTS", "-Dx=y",
                "KAFKA_LOG4J_OPTS", "-Dlog4j=z",
                "CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw",
                "PATH", "/usr/bin",
                "KAFKA_NODE_ID", "1"));

    assertThat(settings).containsExactlyEntriesOf(Map.of("node.id", "1"));
  }
}
