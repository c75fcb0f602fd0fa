package dev.eventsuite.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.ingest.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tika.io.TikaInputStream;
import org.junit.jupiter.api.Test;

class ContentDetectorTest {

  private final ContentDetector detector = new ContentDetector();

  @Test
  void shouldTellTabularFormatsFromTheirText() throws IOException {
    assertThat(kind("metrics.csv", "entityId,value,timestamp\nu1,1,2025-01-01T00:00:00Z\n"))
        .isEqualTo(ContentKind.CSV);
    assertThat(kind("metrics.tsv", "entityId\tvalue\nu1\t1\n")).isEqualTo(ContentKind.TSV);
    assertThat(
            kind(
                "events.jsonl",
                "{\"userId\":\"u1\",\"metric\":1}\n{\"userId\":\"u2\",\"metric\":2}\n"))
        .isEqualTo(ContentKind.JSON_LINES);
    assertThat(kind("events.json", "  [ {\"userId\":\"u1\",\"metric\":1} ]"))
        .isEqualTo(ContentKind.JSON_ARRAY);
  }

  @Test
  void shouldTakeJsonLinesForJsonLinesWhateverTheirFirstRow() throws IOException {
    String rows = "{\"entityId\":\"u2\",\"value\":2}\n{\"entityId\":\"u3\",\"value\":3}\n";
    String longRow = "{\"entityId\":\"u1\",\"note\":\"" + "x".repeat(200_000) + "\"}\n";
    assertThat(kind("events.json", longRow + rows)).isEqualTo(ContentKind.JSON_LINES);
    assertThat(kind("events.json", "{\"entityId\": \"u1\", oops}\n" + rows))
        .isEqualTo(ContentKind.JSON_LINES);
    assertThat(kind("export", "{broken\n" + rows)).isEqualTo(ContentKind.JSON_LINES);
    assertThat(kind("export.ndjson", "{broken\n{broken too\n")).isEqualTo(ContentKind.JSON_LINES);
  }

  @Test
  void shouldTellTablesWithoutATellingName() throws IOException {
    assertThat(
            kind(
                "export",
                "device,reading,time\nd1,3.5,2025-01-01\nd2,4.5,2025-01-02\nd3,1,2025-01-03\n"))
        .isEqualTo(ContentKind.CSV);
  }

  @Test
  void shouldTakeProseWithCommasForADocument() throws IOException {
    assertThat(
            kind(
                "notes.txt",
                "Dear team, the release is ready.\nThanks, all of you.\nSee you, soon.\n"))
        .isEqualTo(ContentKind.DOCUMENT);
    assertThat(kind("config.json", "{\n  \"name\": \"x\"\n}\n")).isEqualTo(ContentKind.DOCUMENT);
  }

  @Test
  void shouldDetectDocumentsAndImagesByTheirBytesWhateverTheirName() throws IOException {
    assertThat(detect("no-extension", Fixtures.pdf("T", "text")).kind())
        .isEqualTo(ContentKind.DOCUMENT);
    assertThat(detect("no-extension", Fixtures.pdf("T", "text")).mediaType())
        .isEqualTo("application/pdf");
    assertThat(detect("report.bin", Fixtures.docx("T", "x")).mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(detect("photo.txt", Fixtures.png(4, 3)).kind()).isEqualTo(ContentKind.IMAGE);
    assertThat(kind("page.html", "<!DOCTYPE html><html><body><h1>Hi</h1></body></html>"))
        .isEqualTo(ContentKind.DOCUMENT);
  }

  @Test
  void shouldRefuseArchivesAndBinaries() throws IOException {
    byte[] zip = {
      0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0
    };
    assertThat(detect("archive.zip", zip).kind()).isEqualTo(ContentKind.UNSUPPORTED);
    assertThat(detect("program", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0}).kind())
        .isEqualTo(ContentKind.UNSUPPORTED);
  }

  private ContentKind kind(String name, String text) throws IOException {
    return detect(name, text.getBytes(StandardCharsets.UTF_8)).kind();
  }

  private ContentDetector.Detected detect(String name, byte[] bytes) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return detector.detect(in, name);
    }
  }
}
