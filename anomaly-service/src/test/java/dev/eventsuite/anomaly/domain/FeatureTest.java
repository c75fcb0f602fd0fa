package dev.eventsuite.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.feature.FeaturesUpdated;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeatureTest {

  private final Snapshots snapshots =
      new Snapshots("e1", "m", Instant.parse("2025-01-01T00:00:00Z"));

  @Test
  void shouldReadEachNamedFeatureFromASnapshot() {
    snapshots.next(4);
    FeaturesUpdated features = snapshots.next(6);

    assertThat(new Feature("value").of(features)).isEqualTo(6);
    assertThat(new Feature("delta").of(features)).isEqualTo(2);
    assertThat(new Feature("ratio").of(features)).isEqualTo(1.5);
    assertThat(new Feature("mean").of(features)).isEqualTo(5);
    assertThat(new Feature("count").of(features)).isEqualTo(2);
    assertThat(new Feature("seconds-since-previous").of(features)).isEqualTo(60);
    assertThat(new Feature("events-5m").of(features)).isEqualTo(2);
    assertThat(new Feature("max-5m").of(features)).isEqualTo(6);
    assertThat(new Feature(" Delta ").name()).isEqualTo("delta");
  }

  @Test
  void shouldHaveNoValueForWhatTheSnapshotLacks() {
    FeaturesUpdated first = snapshots.next(4);

    assertThat(new Feature("delta").of(first)).isNull();
    assertThat(new Feature("mean-1h").of(first)).isNull();
    assertThat(new Feature("events-1m").of(first)).isNull();
  }

  @Test
  void shouldRefuseAnUnknownFeatureByName() {
    assertThatThrownBy(() -> new Feature("velocity"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown feature 'velocity'");
  }
}
