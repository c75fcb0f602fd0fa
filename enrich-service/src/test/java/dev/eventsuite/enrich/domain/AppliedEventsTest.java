package dev.eventsuite.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounds {@link AppliedEvents} documents, exactly at their edges. */
class AppliedEventsTest {

  private final AppliedEvents applied = new AppliedEvents();

  @Test
  void shouldRecogniseEveryRowUpToTheHighestAppliedOfEachRecentSource() {
    applied.remember(row("a", 10));
    applied.remember(row("b", 3));

    assertThat(applied.isRepeat(row("a", 1))).isTrue();
    assertThat(applied.isRepeat(row("a", 10))).isTrue();
    assertThat(applied.isRepeat(row("a", 11))).isFalse();
    assertThat(applied.isRepeat(row("b", 4))).isFalse();
    assertThat(applied.isRepeat(row("c", 1))).isFalse();
  }

  @Test
  void shouldKeepTheSourcesUsedMostRecently() {
    applied.remember(row("first", 5));
    for (int i = 1; i < AppliedEvents.SOURCES; i++) {
      applied.remember(row("other-" + i, 1));
    }
    applied.remember(row("first", 6)); // used again: now the most recent
    applied.remember(row("newer", 1));

    assertThat(applied.isRepeat(row("first", 6))).isTrue();
    assertThat(applied.isRepeat(row("other-1", 1))).as("the least recently used").isFalse();
    assertThat(applied.isRepeat(row("other-2", 1))).isTrue();
  }

  @Test
  void shouldRecogniseAnIdUntilThatManyOthersCameAfterIt() {
    applied.remember(id("kept"));
    for (int i = 1; i < AppliedEvents.RECENT; i++) {
      applied.remember(id("other-" + i));
    }
    assertThat(applied.isRepeat(id("kept"))).isTrue();

    applied.remember(id("one-more"));

    assertThat(applied.isRepeat(id("kept"))).isFalse();
    assertThat(applied.isRepeat(id("other-1"))).isTrue();
  }

  @Test
  void shouldSpendNoRoomOnEventsKnownByTheirPositionOnly() {
    applied.remember(id("kept"));
    for (int i = 0; i < 2 * AppliedEvents.RECENT; i++) {
      applied.remember(EventOrigin.POSITION_ONLY);
    }

    assertThat(applied.isRepeat(EventOrigin.POSITION_ONLY)).isFalse();
    assertThat(applied.isRepeat(id("kept"))).isTrue();
  }

  private static EventOrigin row(String source, long sequence) {
    return new EventOrigin("id-" + source + sequence, source, sequence);
  }

  private static EventOrigin id(String id) {
    return new EventOrigin(id, null, null);
  }
}
