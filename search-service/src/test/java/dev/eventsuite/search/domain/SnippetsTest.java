package dev.eventsuite.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

  private static final String TEXT =
      "The suite moves events between services. Each service has its own topic and its own"
          + " dead-letter topic. When the broker must be restarted, drain the consumer groups"
          + " first, then stop the broker, wait for the controller, and start it again. Check the"
          + " logs afterwards for partitions that did not come back.";

  @Test
  void shouldShowShortTextWhole() {
    assertThat(Snippets.of("Restart   the\nbroker.", "broker", 100))
        .isEqualTo("Restart the broker.");
  }

  @Test
  void shouldStartShortlyBeforeTheFirstWordOfTheQuery() {
    String snippet = Snippets.of(TEXT, "restarted", 120);

    assertThat(snippet).startsWith("…").endsWith("…").contains("restarted");
    assertThat(snippet.length()).isLessThanOrEqualTo(122);
  }

  @Test
  void shouldPlaceTheSnippetByWholeWordsNotCommonOnes() {
    String snippet = Snippets.of(TEXT, "how do the logs look", 80);

    assertThat(snippet).startsWith("…").contains("logs afterwards");
  }

  @Test
  void shouldStartAtTheBeginningWhenNoWordMatches() {
    assertThat(Snippets.of(TEXT, "zebra", 60)).startsWith("The suite moves").endsWith("…");
  }
}
