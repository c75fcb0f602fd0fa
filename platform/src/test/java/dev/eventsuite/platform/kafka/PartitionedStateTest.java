package dev.eventsuite.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionedStateTest {

  private final PartitionedState<String, Integer> state = new PartitionedState<>();

  @Test
  void shouldNotBeCurrentBeforeItsFirstAssignmentCaughtUp() {
    assertThat(state.isCurrent()).isFalse();

    state.caughtUp(List.of()); // a rebalance that gave this instance nothing

    assertThat(state.isCurrent()).isTrue();
  }

  @Test
  void shouldBeCurrentOnlyOnceEveryAssignedPartitionCaughtUp() {
    state.assign(0, Map.of("a", 1));
    state.assign(1, Map.of());
    state.caughtUp(List.of(partition(0)));

    assertThat(state.isCurrent()).as("partition 1 still replaying").isFalse();
    assertThat(state.find("a")).contains(1);

    state.caughtUp(List.of(partition(1)));

    assertThat(state.isCurrent()).isTrue();
  }

  @Test
  void shouldLoadAgainAfterARebalance() {
    state.assign(0, Map.of());
    state.caughtUp(List.of(partition(0)));

    state.assign(2, Map.of());

    assertThat(state.isCurrent()).isFalse();
    state.revoke(List.of(partition(2)));
    assertThat(state.isCurrent()).as("a partition taken away is no longer awaited").isTrue();
  }

  private static TopicPartition partition(int number) {
    return new TopicPartition("metric-events", number);
  }
}
