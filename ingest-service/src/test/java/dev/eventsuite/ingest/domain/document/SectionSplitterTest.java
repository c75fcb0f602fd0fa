package dev.eventsuite.ingest.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionSplitterTest {

  @TempDir Path folder;

  @Test
  void shouldFillSectionsWithWholeParagraphsUpToTheLimit() throws IOException {
    List<String> sections = split(20, "aaaa\n\nbbbb\n\ncccc\n\n\n\ndddd");

    // "aaaa\n\nbbbb\n\ncccc" is 16 bytes; adding "\n\ndddd" would make 22.
    assertThat(sections).containsExactly("aaaa\n\nbbbb\n\ncccc", "dddd");
  }

  @Test
  void shouldCutALongParagraphAtLineEndsThenBetweenWords() throws IOException {
    List<String> sections = split(12, "one two three four five six\nseven");

    assertThat(sections)
        .allSatisfy(
            s -> assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(12));
    assertThat(String.join(" ", sections).replace('\n', ' '))
        .isEqualTo("one two three four five six seven");
  }

  @Test
  void shouldNeverCutAMultibyteCharacter() throws IOException {
    String text = "ü".repeat(25) + "报告".repeat(5);

    List<String> sections = split(16, text);

    assertThat(sections)
        .allSatisfy(
            s -> assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16));
    assertThat(String.join("", sections)).isEqualTo(text);
  }

  @Test
  void shouldCountTheSectionsItGives() throws IOException {
    Path text = write("p1\n\n" + "x".repeat(300) + "\n\np3");
    SectionSplitter splitter = new SectionSplitter(100);

    List<String> sections = new ArrayList<>();
    splitter.split(text, sections::add);

    assertThat(splitter.count(text)).isEqualTo(sections.size()).isEqualTo(5);
  }

  private List<String> split(int maxBytes, String text) throws IOException {
    List<String> sections = new ArrayList<>();
    new SectionSplitter(maxBytes).split(write(text), sections::add);
    return sections;
  }

  private Path write(String text) throws IOException {
    return Files.writeString(folder.resolve("text-" + System.nanoTime()), text);
  }
}
