package dev.eventsuite.search.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.oci.OciApiStub;
import dev.eventsuite.search.SearchIndex;
import dev.eventsuite.testing.BrowserScript;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real headless Chromium, driven by playwright-core: a query typed in finds the
 * expected document, which opens; an image result shows the picture and what its analysis found,
 * and is deleted from its bucket; a file goes to the bucket API. The screenshot is kept in
 * target/screenshots/. Skipped where Chromium or the page driver is not installed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(SearchPageBrowserTest.WithIngestStub.class)
class SearchPageBrowserTest {

  /** The upload form talks to a stub of ingest-service. */
  public static class WithIngestStub implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(IngestStub.class));
    }
  }

  @Inject EmbeddingModel model;

  @TestHTTPResource("/")
  URL page;

  @Test
  void shouldFindTheExpectedDocumentWhenAUserTypesAQuery() throws Exception {
    BrowserScript.assumeBrowser();
    try (SearchIndex index = new SearchIndex(model)) {
      index.withFixture();
      index.addImage(
          "photos",
          "harbour",
          "harbour/harbour.png",
          Map.of(
              "image.format", "PNG",
              "image.width", "48",
              "image.height", "32",
              "image.labels", "Boat, Harbor, Water"),
          "# harbour.png\n\nImage, PNG, 48 × 32 pixels.\nShows: Boat, Harbor, Water.");
      Path screenshot = BrowserScript.screenshot("search-page");
      Path upload =
          Files.writeString(Files.createTempFile("hello-", ".txt"), "hello from the browser");

      BrowserScript.Outcome outcome =
          BrowserScript.run(
              "search-page.mjs",
              page.toString(),
              TestKeys.API_KEY,
              screenshot.toString(),
              upload.toString());

      assertThat(outcome.passed()).as(outcome.output()).isTrue();
      assertThat(screenshot).isNotEmptyFile();
      OciApiStub.Request put =
          IngestStub.stub.requests().stream()
              .filter(r -> r.method().equals("PUT"))
              .findFirst()
              .orElseThrow();
      assertThat(put.rawPath())
          .isEqualTo("/api/v1/buckets/inbox/objects/notes/" + upload.getFileName());
      assertThat(put.header("X-API-Key")).isEqualTo(TestKeys.API_KEY);
      assertThat(new String(put.body(), StandardCharsets.UTF_8))
          .isEqualTo("hello from the browser");
      assertThat(IngestStub.stub.requests())
          .filteredOn(r -> !r.method().equals("OPTIONS") && r.rawPath().contains("harbour"))
          .extracting(r -> r.method() + " " + r.rawPath() + " " + r.header("X-API-Key"))
          .contains(
              "GET /api/v1/buckets/photos/objects/harbour/harbour.png " + TestKeys.API_KEY,
              "DELETE /api/v1/buckets/photos/objects/harbour/harbour.png " + TestKeys.API_KEY);
      Files.delete(upload);
    }
  }
}
