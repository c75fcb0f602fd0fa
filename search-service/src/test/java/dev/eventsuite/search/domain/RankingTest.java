package dev.eventsuite.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eventsuite.vectors.store.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
  private static final Ranking RANKING = new Ranking(60, Duration.ofDays(30));

  private static Hit hit(String id, double score) {
    return new Hit(id, "doc-" + id, NOW, score);
  }

  private static Hit hit(String id, Instant changed, double score) {
    return new Hit(id, "doc-" + id, changed, score);
  }

  @Test
  void shouldScoreSemanticResultsByCosineWithNegativesAsZero() {
    List<Ranking.Ranked> ranked =
        RANKING.rank(Mode.SEMANTIC, List.of(hit("a", 0.9), hit("b", -0.2)), List.of(), 0, NOW);

    assertThat(ranked).extracting(Ranking.Ranked::chunkId).containsExactly("a", "b");
    assertThat(ranked.get(0).score()).isCloseTo(0.9, within(1e-12));
    assertThat(ranked.get(0).semantic()).isCloseTo(0.9, within(1e-12));
    assertThat(ranked.get(1).score()).isZero();
  }

  @Test
  void shouldScoreKeywordResultsAgainstTheBestOne() {
    List<Ranking.Ranked> ranked =
        RANKING.rank(Mode.KEYWORD, List.of(), List.of(hit("a", 8.0), hit("b", 2.0)), 0, NOW);

    assertThat(ranked.get(0).keyword()).isCloseTo(1.0, within(1e-12));
    assertThat(ranked.get(1).keyword()).isCloseTo(0.25, within(1e-12));
    assertThat(ranked.get(1).semantic()).isZero();
  }

  @Test
  void shouldFuseByReciprocalRankSoAChunkFirstInBothScoresOne() {
    List<Ranking.Ranked> ranked =
        RANKING.rank(
            Mode.HYBRID,
            List.of(hit("a", 0.9), hit("b", 0.8)),
            List.of(hit("a", 5.0), hit("c", 4.0)),
            0,
            NOW);

    assertThat(ranked).extracting(Ranking.Ranked::chunkId).containsExactly("a", "b", "c");
    assertThat(ranked.get(0).score()).isCloseTo(1.0, within(1e-12));
    // b: second in the semantic list only: (1 / 62) / (2 / 61)
    assertThat(ranked.get(1).semantic()).isCloseTo(61.0 / 124, within(1e-12));
    assertThat(ranked.get(1).keyword()).isZero();
    assertThat(ranked.get(2).keyword()).isCloseTo(61.0 / 124, within(1e-12));
  }

  @Test
  void shouldWeighRecencyAgainstRelevanceAndReportPartsThatAddUp() {
    Hit old = hit("old", NOW.minus(Duration.ofDays(60)), 0.9);
    Hit fresh = hit("fresh", NOW.minus(Duration.ofDays(30)), 0.5);

    List<Ranking.Ranked> ranked =
        RANKING.rank(Mode.SEMANTIC, List.of(old, fresh), List.of(), 0.5, NOW);

    // old: 0.5 * 0.9 + 0.5 * 0.25 = 0.575; fresh: 0.5 * 0.5 + 0.5 * 0.5 = 0.5
    assertThat(ranked.get(0).chunkId()).isEqualTo("old");
    assertThat(ranked.get(0).score()).isCloseTo(0.575, within(1e-9));
    assertThat(ranked.get(0).recency()).isCloseTo(0.125, within(1e-9));
    assertThat(ranked.get(1).score()).isCloseTo(0.5, within(1e-9));
    for (Ranking.Ranked each : ranked) {
      assertThat(each.semantic() + each.keyword() + each.recency())
          .isCloseTo(each.score(), within(1e-12));
    }
  }

  @Test
  void shouldRankByRecencyAloneAtFullWeight() {
    Hit old = hit("old", NOW.minus(Duration.ofDays(300)), 0.99);
    Hit fresh = hit("fresh", NOW, 0.1);

    List<Ranking.Ranked> ranked =
        RANKING.rank(Mode.SEMANTIC, List.of(old, fresh), List.of(), 1, NOW);

    assertThat(ranked).extracting(Ranking.Ranked::chunkId).containsExactly("fresh", "old");
    assertThat(ranked.get(0).semantic()).isZero();
  }

  @Test
  void shouldKeepTheBestChunkOfEachDocument() {
    List<Ranking.Ranked> ranked =
        RANKING.rank(
            Mode.SEMANTIC,
            List.of(
                new Hit("a", "doc-a", NOW, 0.9),
                new Hit("a2", "doc-a", NOW, 0.8),
                new Hit("b", "doc-b", NOW, 0.7)),
            List.of(),
            0,
            NOW);

    assertThat(Ranking.bestPerDocument(ranked))
        .extracting(Ranking.Ranked::chunkId)
        .containsExactly("a", "b");
  }
}
