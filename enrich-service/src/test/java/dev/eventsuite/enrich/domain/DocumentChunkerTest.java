package dev.eventsuite.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentChunkerTest {

  private static HuggingFaceTokenCountEstimator tokenizer;

  @BeforeAll
  static void loadTokenizer() {
    tokenizer = new HuggingFaceTokenCountEstimator();
  }

  @Test
  void shouldKeepEveryChunkWithinTheTokenLimit() {
    String text = paragraphs(120);
    DocumentChunker chunker = new DocumentChunker(64, 8, tokenizer);

    List<DocumentChunker.Chunk> chunks = chunker.chunk(text);

    assertThat(chunks).hasSizeGreaterThan(10);
    assertThat(chunks)
        .allSatisfy(
            c -> assertThat(tokenizer.estimateTokenCountInText(c.text())).isLessThanOrEqualTo(64));
    assertThat(String.join(" ", chunks.stream().map(DocumentChunker.Chunk::text).toList()))
        .contains("Paragraph 0 ", "Paragraph 119 ");
  }

  @Test
  void shouldOverlapNeighbouringChunks() {
    DocumentChunker chunker = new DocumentChunker(40, 15, tokenizer);

    List<DocumentChunker.Chunk> chunks = chunker.chunk(paragraphs(10));

    String end = lastWords(chunks.get(0).text(), 3);
    assertThat(chunks.get(1).text()).contains(end);
  }

  @Test
  void shouldGiveEachChunkTheHeadingsItSitsUnder() {
    String text =
        """
        Preface without a heading.

        # Guide
        Welcome.

        ## Install
        Run the installer.

        ### On Linux
        Use the package.

        ## Configure
        Edit the file.
        """;
    DocumentChunker chunker = new DocumentChunker(250, 20, tokenizer);

    List<DocumentChunker.Chunk> chunks = chunker.chunk(text);

    assertThat(chunks)
        .extracting(DocumentChunker.Chunk::headingPath)
        .containsExactly(
            List.of(),
            List.of("Guide"),
            List.of("Guide", "Install"),
            List.of("Guide", "Install", "On Linux"),
            List.of("Guide", "Configure"));
    assertThat(chunks.get(3).text()).isEqualTo("### On Linux\nUse the package.");
  }

  @Test
  void shouldJoinALoneHeadingToTheTextBelowIt() {
    List<DocumentChunker.Chunk> chunks =
        new DocumentChunker(250, 20, tokenizer).chunk("# Title\n## Part\nBody text.");

    assertThat(chunks)
        .containsExactly(
            new DocumentChunker.Chunk("# Title\n## Part\nBody text.", List.of("Title", "Part")));
  }

  private static String paragraphs(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("Paragraph ")
          .append(i)
          .append(" explains how streams carry events between services. ")
          .append("It also says why offsets are committed after effects are durable.\n\n");
    }
    return text.toString();
  }

  private static String lastWords(String text, int words) {
    String[] all = text.split("\\s+");
    return String.join(" ", List.of(all).subList(all.length - words, all.length));
  }
}
