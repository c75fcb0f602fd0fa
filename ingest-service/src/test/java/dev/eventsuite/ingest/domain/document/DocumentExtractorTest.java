package dev.eventsuite.ingest.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.ingest.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentExtractorTest {

  @TempDir Path spool;

  @Test
  void shouldWriteHtmlHeadingsListsAndTablesAsMarkdown() throws Exception {
    String html =
        """
        <html><head><title>Guide</title></head><body>
        <h1>Install</h1><p>Run the   installer.</p>
        <ul><li>Linux</li><li>macOS</li></ul>
        <h2>Check</h2><table><tr><th>Name</th><th>Port</th></tr><tr><td>search</td><td>8080</td></tr></table>
        </body></html>
        """;

    ExtractedDocument document = extract(html.getBytes(StandardCharsets.UTF_8), "guide.html");

    assertThat(document.title()).isEqualTo("Guide");
    assertThat(text(document))
        .isEqualTo(
            "# Install\n\nRun the   installer.\n\n- Linux\n\n- macOS\n\n## Check\n\nName | Port\n\nsearch | 8080\n\n");
  }

  @Test
  void shouldKeepMarkdownAndPlainTextAsTheyAre() throws Exception {
    String markdown = "# Title\n\nSome *text*.\n\n## Part\n\nMore.\n";

    assertThat(text(extract(markdown.getBytes(StandardCharsets.UTF_8), "notes.md")).strip())
        .isEqualTo(markdown.strip());
  }

  @Test
  void shouldReadPdfTextTitleAndCreationTime() throws Exception {
    ExtractedDocument document =
        extract(Fixtures.pdf("Quarterly report", "Revenue grew.", "Costs fell."), "q1.pdf");

    assertThat(document.title()).isEqualTo("Quarterly report");
    assertThat(document.created()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(document.contentType()).isEqualTo("application/pdf");
    assertThat(text(document)).contains("Revenue grew.", "Costs fell.");
  }

  @Test
  void shouldStateNoTitleWhereThePdfsIsAnEditorsPlaceholder() throws Exception {
    for (String placeholder : List.of("Untitled", "untitled document", "No title", "Document1")) {
      ExtractedDocument document =
          extract(Fixtures.pdf(placeholder, "Ostrich cluster", "Disk layout"), "layout.pdf");

      assertThat(document.title()).as(placeholder).isNull();
      assertThat(text(document)).contains("Ostrich cluster").doesNotContain("clusterDisk");
    }
    assertThat(extract(Fixtures.pdf("Untitled Goose Game notes", "Honk."), "goose.pdf").title())
        .isEqualTo("Untitled Goose Game notes");
  }

  @Test
  void shouldReadWordDocuments() throws Exception {
    ExtractedDocument document =
        extract(Fixtures.docx("Minutes", "We met.", "We agreed."), "minutes.docx");

    assertThat(document.title()).isEqualTo("Minutes");
    assertThat(text(document)).isEqualTo("We met.\n\nWe agreed.\n\n");
  }

  @Test
  void shouldDescribeImagesByTheirMetadata() throws Exception {
    ExtractedDocument photo =
        extract(
            Fixtures.jpegWithExif(40, 30, "Canon", "Canon EOS R5", "2024:05:01 10:00:00"),
            "photo.jpg");

    assertThat(
            ImageDescription.describe(
                "photo.jpg", "image/jpeg", photo.properties(), List.of("dog", "ball")))
        .isEqualTo(
            "# photo.jpg\n\nImage, JPEG, 40 × 30 pixels.\nTaken 2024-05-01T10:00:00 with Canon EOS R5.\nShows: dog, ball.");
    assertThat(ImageDescription.facts("image/jpeg", photo.properties(), List.of("dog", "ball")))
        .containsExactly(
            Map.entry("image.format", "JPEG"),
            Map.entry("image.width", "40"),
            Map.entry("image.height", "30"),
            Map.entry("image.taken", "2024-05-01T10:00:00"),
            Map.entry("image.camera", "Canon EOS R5"),
            Map.entry("image.labels", "dog, ball"));
    ExtractedDocument png = extract(Fixtures.png(8, 6), "plain.png");
    assertThat(ImageDescription.describe("plain.png", "image/png", png.properties(), List.of()))
        .isEqualTo("# plain.png\n\nImage, PNG, 8 × 6 pixels.");
  }

  @Test
  void shouldRefuseEncryptedCorruptEmptyAndOversizedDocuments() {
    assertThat(refusal(Fixtures.encryptedPdf("secret"), "locked.pdf")).isEqualTo("encrypted");
    byte[] corrupt = "%PDF-1.7\n1 0 obj <<< garbage".getBytes(StandardCharsets.US_ASCII);
    assertThat(refusal(corrupt, "broken.pdf")).isEqualTo("corrupt");
    assertThat(refusal(new byte[0], "empty.pdf")).isEqualTo("corrupt");
    assertThatThrownBy(
            () ->
                new DocumentExtractor(spool, 10)
                    .extract(
                        new ByteArrayInputStream(
                            "a long paragraph of text".getBytes(StandardCharsets.UTF_8)),
                        "big.txt"))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("the document's text is longer than 10 characters");
  }

  @Test
  void shouldLeaveNoSpoolFileBehindWhenItRefuses() throws IOException {
    refusal(Fixtures.encryptedPdf("secret"), "locked.pdf");

    try (var files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  private ExtractedDocument extract(byte[] bytes, String name) throws Exception {
    return new DocumentExtractor(spool, 1_000_000).extract(new ByteArrayInputStream(bytes), name);
  }

  private String refusal(byte[] bytes, String name) {
    try {
      extract(bytes, name);
    } catch (ExtractionException e) {
      return e.errorType();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(name + " was not refused");
  }

  private static String text(ExtractedDocument document) throws IOException {
    return Files.readString(document.text());
  }
}
