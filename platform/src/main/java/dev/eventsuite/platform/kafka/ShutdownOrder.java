package dev.eventsuite.platform.kafka;

/**
 * The order in which Kafka clients stop (lower first): consumers make their last checkpoint, which
 * publishes and flushes, before the producer closes.
 */
final class ShutdownOrder {

  static final int CONSUMERS = 1000;
  static final int PRODUCER = 5000;

  private ShutdownOrder() {}
}
