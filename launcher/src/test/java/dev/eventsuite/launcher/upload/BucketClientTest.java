package dev.eventsuite.launcher.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketClientTest {

  @Test
  void shouldEncodeEachSegmentOfAnObjectNameAndKeepTheSlashes() {
    assertThat(BucketClient.path("notes/my note ü+1.md"))
        .isEqualTo("notes/my%20note%20%C3%BC%2B1.md");
  }

  @Test
  void shouldEncodeCharactersThatWouldEndThePath() {
    assertThat(BucketClient.path("a?b#c%d")).isEqualTo("a%3Fb%23c%25d");
  }
}
