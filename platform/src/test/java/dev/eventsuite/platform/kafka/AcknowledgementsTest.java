package dev.eventsuite.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

  private static final Callback NOTHING = (metadata, error) -> {};

  private final Acknowledgements acknowledgements = new Acknowledgements();

  @Test
  void shouldCompleteOnceEverySendBeforeTheMarkIsAcknowledged() {
    Callback first = acknowledgements.track(NOTHING);
    Callback second = acknowledgements.track(NOTHING);
    CompletableFuture<Void> mark = acknowledgements.mark().toCompletableFuture();
    Callback after = acknowledgements.track(NOTHING);

    second.onCompletion(null, null);
    assertThat(mark).isNotDone();
    first.onCompletion(null, null);

    assertThat(mark).isCompleted();
    assertThat(after).isNotNull();
  }

  @Test
  void shouldWaitForEarlierWindowsEvenWhenALaterOneIsAcknowledgedFirst() {
    Callback early = acknowledgements.track(NOTHING);
    CompletableFuture<Void> first = acknowledgements.mark().toCompletableFuture();
    Callback late = acknowledgements.track(NOTHING);
    CompletableFuture<Void> second = acknowledgements.mark().toCompletableFuture();

    late.onCompletion(null, null);
    assertThat(second).isNotDone();
    early.onCompletion(null, null);

    assertThat(first).isCompleted();
    assertThat(second).isCompleted();
  }

  @Test
  void shouldFailAWindowWithAFailedSendAndEveryWindowAfterIt() {
    Callback failing = acknowledgements.track(NOTHING);
    CompletableFuture<Void> first = acknowledgements.mark().toCompletableFuture();
    CompletableFuture<Void> second = acknowledgements.mark().toCompletableFuture();

    failing.onCompletion(null, new RecordTooLargeException("too large"));

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
  }

  @Test
  void shouldCompleteAMarkWithNothingOutstandingAtOnce() {
    assertThat(acknowledgements.mark().toCompletableFuture()).isCompleted();
  }

  @Test
  void shouldStillCallTheProducersCallback() {
    boolean[] called = new boolean[1];
    acknowledgements.track((metadata, error) -> called[0] = true).onCompletion(null, null);

    assertThat(called[0]).isTrue();
  }
}
