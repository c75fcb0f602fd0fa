package dev.eventsuite.launcher.oci;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.streaming.StreamClient;
import com.oracle.bmc.streaming.model.PutMessagesDetails;
import com.oracle.bmc.streaming.model.PutMessagesDetailsEntry;
import com.oracle.bmc.streaming.model.PutMessagesResult;
import com.oracle.bmc.streaming.model.PutMessagesResultEntry;
import com.oracle.bmc.streaming.requests.PutMessagesRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends events through OCI Streaming's own PutMessages API: requests of at most 1 MiB, and the
 * messages the service throttled or failed (it answers those per message, inside a 200) sent again
 * with a growing pause until they are accepted or their tries are spent.
 */
public final class OciStreamSender implements EventSender {

  /** The largest PutMessages request; keys and values travel base64-encoded in its JSON. */
  static final int MAX_REQUEST_BYTES = 1024 * 1024;

  /** The JSON around each message's key and value. */
  private static final int MESSAGE_OVERHEAD_BYTES = 32;

  private final StreamClient client;
  private final String streamId;
  private final int maxAttempts;
  private final Duration firstPause;
  private final Duration longestPause;

  public OciStreamSender(
      StreamClient client,
      String streamId,
      int maxAttempts,
      Duration firstPause,
      Duration longestPause) {
    this.client = client;
    this.streamId = streamId;
    this.maxAttempts = maxAttempts;
    this.firstPause = firstPause;
    this.longestPause = longestPause;
  }

  @Override
  public Sent send(List<MetricEventLines.Event> events) throws InterruptedException {
    int accepted = 0;
    List<Failure> failures = new ArrayList<>();
    for (List<MetricEventLines.Event> request : requests(events)) {
      Sent sent = sendWithRetries(request);
      accepted += sent.accepted();
      failures.addAll(sent.failures());
    }
    return new Sent(accepted, failures);
  }

  /** Splits the events into requests within the service's size limit. */
  static List<List<MetricEventLines.Event>> requests(List<MetricEventLines.Event> events) {
    List<List<MetricEventLines.Event>> requests = new ArrayList<>();
    List<MetricEventLines.Event> current = new ArrayList<>();
    long size = 0;
    for (MetricEventLines.Event event : events) {
      long eventSize = encodedSize(event);
      if (!current.isEmpty() && size + eventSize > MAX_REQUEST_BYTES) {
        requests.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(event);
      size += eventSize;
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }

  static long encodedSize(MetricEventLines.Event event) {
    return base64Length(event.key().length)
        + base64Length(event.value().length)
        + MESSAGE_OVERHEAD_BYTES;
  }

  private static long base64Length(int bytes) {
    return 4L * ((bytes + 2) / 3);
  }

  private Sent sendWithRetries(List<MetricEventLines.Event> events) throws InterruptedException {
    List<MetricEventLines.Event> pending = events;
    List<Failure> lastFailures = List.of();
    int accepted = 0;
    Duration pause = firstPause;
    for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(longestPause) > 0
                ? longestPause
                : pause.multipliedBy(2);
      }
      List<MetricEventLines.Event> retry = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      try {
        PutMessagesResult result = put(pending);
        List<PutMessagesResultEntry> entries = result.getEntries();
        for (int i = 0; i < pending.size(); i++) {
          PutMessagesResultEntry entry = entries.get(i);
          if (entry.getError() == null) {
            accepted++;
          } else {
            retry.add(pending.get(i));
            failures.add(
                new Failure(
                    pending.get(i).line(), entry.getError() + " " + entry.getErrorMessage()));
          }
        }
      } catch (BmcException e) {
        if (!retryable(e)) {
          return new Sent(accepted, failuresOf(pending, e.getStatusCode() + " " + e.getMessage()));
        }
        retry = pending;
        failures = failuresOf(pending, e.getStatusCode() + " " + e.getServiceCode());
      }
      pending = retry;
      lastFailures = failures;
    }
    return new Sent(accepted, pending.isEmpty() ? List.of() : lastFailures);
  }

  private PutMessagesResult put(List<MetricEventLines.Event> events) {
    List<PutMessagesDetailsEntry> messages = new ArrayList<>(events.size());
    for (MetricEventLines.Event event : events) {
      messages.add(PutMessagesDetailsEntry.builder().key(event.key()).value(event.value()).build());
    }
    return client
        .putMessages(
            PutMessagesRequest.builder()
                .streamId(streamId)
                .putMessagesDetails(PutMessagesDetails.builder().messages(messages).build())
                .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                .build())
        .getPutMessagesResult();
  }

  /** Throttling, the service's own failures and lost connections pass; the rest will not. */
  private static boolean retryable(BmcException e) {
    return e.getStatusCode() == 429
        || e.getStatusCode() >= 500
        || e.isTimeout()
        || e.isClientSide();
  }

  private static List<Failure> failuresOf(List<MetricEventLines.Event> events, String reason) {
    return events.stream().map(e -> new Failure(e.line(), reason)).toList();
  }

  /** The client belongs to the {@link OciApis} that made it. */
  @Override
  public void close() {}
}
