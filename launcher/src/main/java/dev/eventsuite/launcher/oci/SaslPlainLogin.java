package dev.eventsuite.launcher.oci;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A Kafka client's SASL/PLAIN login, as OCI Streaming's Kafka endpoint takes it: the user name
 * {@code tenancy/domain/user/streamPoolOCID} and an auth token as the password.
 */
public record SaslPlainLogin(String securityProtocol, String username, String password) {

  /** Adds the login to a client's settings. */
  public void applyTo(Properties settings) {
    settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
    settings.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    settings.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + username
            + "\" password=\""
            + password
            + "\";");
  }

  @Override
  public String toString() {
    return "SaslPlainLogin[" + securityProtocol + ", " + username + "]";
  }
}
