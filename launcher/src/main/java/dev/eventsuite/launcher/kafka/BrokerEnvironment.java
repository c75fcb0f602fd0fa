package dev.eventsuite.launcher.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Broker settings from environment variables, named as the {@code apache/kafka} image names them,
 * so the suite's broker image is configured (by Compose, Kubernetes or Testcontainers) the way that
 * image is: {@code KAFKA_} and the setting in capitals, where {@code _} stands for {@code .},
 * {@code __} for {@code _} and {@code ___} for {@code -} ({@code KAFKA_ADVERTISED_LISTENERS} is
 * {@code advertised.listeners}). {@code CLUSTER_ID} names the cluster a new storage is formatted
 * with. The variables that configure the JVM and its logging rather than the broker are left out.
 */
final class BrokerEnvironment {

  static final String CLUSTER_ID = "CLUSTER_ID";

  private static final String PREFIX = "KAFKA_";

  private static final Set<String> NOT_SETTINGS =
      Set.of(
          "KAFKA_VERSION",
          "KAFKA_HEAP_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_LOG4J_ROOT_LOGLEVEL",
          "KAFKA_LOG4J_LOGGERS",
          "KAFKA_TOOLS_LOG4J_LOGLEVEL",
          "KAFKA_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_JMX_HOSTNAME",
          "KAFKA_JMX_PORT",
          "KAFKA_DEBUG");

  private BrokerEnvironment() {}

  /** The broker settings the environment gives, by their {@code server.properties} names. */
  static Map<String, String> settings(Map<String, String> environment) {
    Map<String, String> settings = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && !NOT_SETTINGS.contains(name)) {
            settings.put(settingName(name.substring(PREFIX.length())), value);
          }
        });
    return settings;
  }

  private static String settingName(String variable) {
    return variable
        .replace("___", "-")
        .replace("__", "\u0000")
        .replace('_', '.')
        .replace('\u0000', '_')
        .toLowerCase(Locale.ROOT);
  }
}
