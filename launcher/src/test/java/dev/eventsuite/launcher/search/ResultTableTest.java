package dev.eventsuite.launcher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void shouldLineUpRankScoreTitleAndSourceWithTheSnippetBelow() {
    String table =
        ResultTable.format(
            List.of(
                new SearchClient.Hit(
                    "Restarting the broker",
                    0.98412,
                    "docs/runbook.md",
                    "To restart the broker, drain it."),
                new SearchClient.Hit("Maintenance", 0.5, "mail/notice.md", "")),
            80);

    assertThat(table.lines().toList())
        .containsExactly(
            "#  score  title                  source",
            "1  0.984  Restarting the broker  docs/runbook.md",
            "   To restart the broker, drain it.",
            "2  0.500  Maintenance            mail/notice.md");
  }

  @Test
  void shouldCutWhatDoesNotFitTheTerminal() {
    String table =
        ResultTable.format(
            List.of(new SearchClient.Hit("T".repeat(100), 0.5, "s".repeat(100), "w ".repeat(100))),
            60);

    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    assertThat(table).contains("…");
  }

  @Test
  void shouldSayWhenNothingWasFound() {
    assertThat(ResultTable.format(List.of(), 80)).isEqualTo("Nothing found.\n");
  }
}
