package dev.eventsuite.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {

  private static final Path BUCKET = Path.of("/data/buckets/inbox");

  @Test
  void shouldKeepNamesWithFoldersSpacesAndAnyUnicodeInsideTheirBucket() {
    assertThat(ObjectNames.resolve(BUCKET, "reports/2025 Q1/Überblick 报告.pdf"))
        .isEqualTo(Path.of("/data/buckets/inbox/reports/2025 Q1/Überblick 报告.pdf"));
  }

  @Test
  void shouldRefuseNamesThatLeaveTheBucketOrHideControlCharacters() {
    assertThatThrownBy(() -> ObjectNames.requireSafe("../etc/passwd"))
        .hasMessageContaining("'..' path segment");
    assertThatThrownBy(() -> ObjectNames.requireSafe("a/../../b")).hasMessageContaining("'..'");
    assertThatThrownBy(() -> ObjectNames.requireSafe("/etc/passwd"))
        .hasMessageContaining("absolute path");
    assertThatThrownBy(() -> ObjectNames.requireSafe("a//b")).hasMessageContaining("empty");
    assertThatThrownBy(() -> ObjectNames.requireSafe("./a")).hasMessageContaining("'.'");
    assertThatThrownBy(() -> ObjectNames.requireSafe("bad\u0000name"))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> ObjectNames.requireSafe("line\nbreak"))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> ObjectNames.requireSafe("x".repeat(1025)))
        .hasMessageContaining("1024 bytes");
    assertThatThrownBy(() -> ObjectNames.requireSafe("")).hasMessageContaining("empty");
  }

  @Test
  void shouldAcceptOnlyPlainFolderNamesAsBuckets() {
    assertThat(ObjectNames.requireSafeBucket("docs-2025_v1.2")).isEqualTo("docs-2025_v1.2");
    assertThatThrownBy(() -> ObjectNames.requireSafeBucket(".."))
        .isInstanceOf(InvalidObjectNameException.class);
    assertThatThrownBy(() -> ObjectNames.requireSafeBucket(".hidden"))
        .isInstanceOf(InvalidObjectNameException.class);
    assertThatThrownBy(() -> ObjectNames.requireSafeBucket("a/b"))
        .isInstanceOf(InvalidObjectNameException.class);
  }

  @Test
  void shouldTellHiddenObjects() {
    assertThat(ObjectNames.isHidden(".part-upload")).isTrue();
    assertThat(ObjectNames.isHidden("dir/.cache/x")).isTrue();
    assertThat(ObjectNames.isHidden("dir/file.txt")).isFalse();
  }
}
