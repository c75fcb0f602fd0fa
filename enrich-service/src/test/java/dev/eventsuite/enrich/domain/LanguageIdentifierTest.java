package dev.eventsuite.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private final LanguageIdentifier languages = new LanguageIdentifier();

  @Test
  void shouldNameTheLanguageOfATextOfAFewSentences() {
    assertThat(
            languages.identify(
                "The stream carries every event to the services that need it, in order."))
        .isEqualTo("en");
    assertThat(
            languages.identify(
                "Der Datenstrom bringt jedes Ereignis zu den Diensten, die es brauchen."))
        .isEqualTo("de");
    assertThat(
            languages.identify(
                "Le flux transporte chaque événement vers les services qui en ont besoin."))
        .isEqualTo("fr");
  }

  @Test
  void shouldNotGuessFromTooLittleText() {
    assertThat(languages.identify("OK")).isNull();
  }
}
