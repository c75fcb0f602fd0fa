package dev.eventsuite.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void shouldComeBackAsItWasGivenOut() {
    String text = new Cursor(20, 12345L).encode();

    assertThat(Cursor.decode(text, 12345L)).isEqualTo(new Cursor(20, 12345L));
  }

  @Test
  void shouldRefuseACursorOfAnotherSearchOrAForgedOne() {
    String text = new Cursor(20, 12345L).encode();

    assertThatThrownBy(() -> Cursor.decode(text, 999L)).hasMessageContaining("another search");
    assertThatThrownBy(() -> Cursor.decode("not a cursor!", 12345L))
        .hasMessageContaining("not one");
    assertThatThrownBy(() -> Cursor.decode("AAAA", 12345L)).hasMessageContaining("not one");
  }
}
