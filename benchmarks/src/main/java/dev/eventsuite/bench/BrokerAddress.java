package dev.eventsuite.bench;

import java.util.Map;

/**
 * Where the load generator's clients reach the broker, and how: the address the services use, with
 * the same security settings, so that a baseline pays for the same transport as the service.
 *
 * @param bootstrapServers the broker's address
 * @param settings client settings beyond the address (security protocol, trust store)
 */
public record BrokerAddress(String bootstrapServers, Map<String, String> settings) {}
