package dev.eventsuite.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void shouldCollapseBlanksAndKeepParagraphsApart() {
    String text = "  First   line\twith\u00A0gaps  \r\nsecond line\n\n\n\n  Next paragraph.  \n";

    assertThat(TextCleaner.clean(text))
        .isEqualTo("First line with gaps\nsecond line\n\nNext paragraph.");
  }

  @Test
  void shouldFoldCompatibilityFormsAndDropControlCharacters() {
    // A ligature, full-width letters, a zero-width space and a bell character.
    assertThat(TextCleaner.clean("\uFB01nd \uFF21\uFF22\u200B\u0007C")).isEqualTo("find ABC");
  }

  @Test
  void shouldDropPageNumbersAndRunningHeaders() {
    String pages =
        """
        ACME Corp – Confidential
        Introduction to the product.
        Page 1 of 3

        ACME Corp – Confidential
        Installation steps.
        - 2 -

        ACME Corp – Confidential
        Configuration details.
        3
        """;

    assertThat(TextCleaner.clean(pages))
        .isEqualTo("Introduction to the product.\n\nInstallation steps.\n\nConfiguration details.");
  }

  @Test
  void shouldDropWebChrome() {
    String page =
        "Skip to main content\nWe use cookies to improve your experience.\n# Guide\nUse it well.\n"
            + "© 2025 Example Ltd. All rights reserved.";

    assertThat(TextCleaner.clean(page)).isEqualTo("# Guide\nUse it well.");
  }

  @Test
  void shouldKeepRepeatedHeadingsAndRules() {
    String text = "# Step\nA\n---\n# Step\nB\n---\n# Step\nC\n---";

    assertThat(TextCleaner.clean(text)).isEqualTo(text);
  }
}
