package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void shouldGiveTheSameIdForTheSameParts() {
    assertThat(EventIds.of("ns/b/o", "etag", 7)).isEqualTo(EventIds.of("ns/b/o", "etag", 7));
  }

  @Test
  void shouldGiveDifferentIdsWhenAnyPartDiffers() {
    assertThat(EventIds.of("ns/b/o", "etag", 7)).isNotEqualTo(EventIds.of("ns/b/o", "etag", 8));
    assertThat(EventIds.of("a|b", "c")).isNotEqualTo(EventIds.of("a", "b|c"));
  }

  @Test
  void shouldBeAVersionFiveUuid() {
    UUID id = UUID.fromString(EventIds.of("x"));

    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
  }
}
