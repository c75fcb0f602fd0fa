package dev.eventsuite.launcher.oci;

import java.util.List;

/** Sends metric events to a stream and says which were accepted. */
public interface EventSender extends AutoCloseable {

  /** A batch's fate: how many the stream accepted, and why the others were not. */
  record Sent(int accepted, List<Failure> failures) {}

  /** An event the stream did not take, after retries. */
  record Failure(long line, String reason) {}

  /** Sends the events and waits until each is accepted or given up. */
  Sent send(List<MetricEventLines.Event> events) throws InterruptedException;

  @Override
  void close();
}
