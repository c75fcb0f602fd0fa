package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
  void shouldKeepTheIdsOfEarlierVersionsAndHashTextAsBytesAlike() {
    String row = "{\"a\":\"x\\|y é\"}"; // {"a":"x\|y é"}

    // Python: uuid5(suite namespace, 'ns/b/o|7|{"a":"x\\\\\\|y é"}|'), the escaped parts joined
    assertThat(EventIds.of("ns/b/o", 7, row)).isEqualTo("4fef1f58-df93-53b0-94e2-7a0e03e582d7");
    assertThat(EventIds.of("ns/b/o", 7, row.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(EventIds.of("ns/b/o", 7, row));
  }

  @Test
  void shouldBeAVersionFiveUuid() {
    UUID id = UUID.fromString(EventIds.of("x"));

    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
  }
}
