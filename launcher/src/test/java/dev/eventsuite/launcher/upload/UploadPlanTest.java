package dev.eventsuite.launcher.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.launcher.upload.UploadPlan.LocalFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadPlanTest {

  @TempDir Path dir;

  @Test
  void shouldNameAFolderFilesByTheirPathInsideIt() throws IOException {
    Path folder = dir.resolve("reports");
    write(folder.resolve("q1.csv"), "a");
    write(folder.resolve("notes/my note ü.md"), "bc");

    UploadPlan plan = UploadPlan.of(List.of(folder), "");

    assertThat(plan.files())
        .extracting(LocalFile::objectName, LocalFile::size)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("q1.csv", 1L),
            org.assertj.core.groups.Tuple.tuple("notes/my note ü.md", 2L));
    assertThat(plan.totalBytes()).isEqualTo(3);
  }

  @Test
  void shouldNameAFileByItsFileNameAfterThePrefix() throws IOException {
    Path file = write(dir.resolve("deep/down/data.jsonl"), "{}");

    UploadPlan plan = UploadPlan.of(List.of(file), "2025/");

    assertThat(plan.files()).extracting(LocalFile::objectName).containsExactly("2025/data.jsonl");
  }

  @Test
  void shouldLeaveOutHiddenFilesAndFolders() throws IOException {
    write(dir.resolve("kept.txt"), "x");
    write(dir.resolve(".DS_Store"), "x");
    write(dir.resolve(".git/config"), "x");

    UploadPlan plan = UploadPlan.of(List.of(dir), "");

    assertThat(plan.files()).extracting(LocalFile::objectName).containsExactly("kept.txt");
    assertThat(plan.hidden())
        .containsExactlyInAnyOrder(dir.resolve(".DS_Store"), dir.resolve(".git"));
  }

  @Test
  void shouldRefuseTwoFilesThatWouldShareAName() throws IOException {
    Path first = write(dir.resolve("a/data.csv"), "1");
    Path second = write(dir.resolve("b/data.csv"), "2");

    assertThatThrownBy(() -> UploadPlan.of(List.of(first, second), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would be uploaded as 'data.csv'");
  }

  @Test
  void shouldCountAFileGivenTwiceOnce() throws IOException {
    Path file = write(dir.resolve("data.csv"), "1");

    assertThat(UploadPlan.of(List.of(file, file), "").files()).hasSize(1);
  }

  @Test
  void shouldRefuseAPathThatDoesNotExist() {
    assertThatThrownBy(() -> UploadPlan.of(List.of(dir.resolve("missing")), ""))
        .hasMessageContaining("no such file or folder");
  }

  private static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
