package dev.eventsuite.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.anomaly.Snapshots;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.testing.BrowserScript;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real headless Chromium, driven by playwright-core: an entity opened from the
 * latest anomalies is charted with its anomalies marked, and a value is scored live. The screenshot
 * is kept in target/screenshots/. Skipped where Chromium or the page driver is not installed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AnomalyPageBrowserTest {

  private static final String ENTITY = "boiler-3";

  @TestHTTPResource("/")
  URL page;

  @Test
  void shouldChartAnEntitysSeriesWithItsAnomaliesMarked() {
    BrowserScript.assumeBrowser();
    // Two hours of a slow wave with noise, and one reading that jumps: its rise and its fall are
    // anomalies of the delta.
    Snapshots snapshots =
        new Snapshots(ENTITY, "temperature", Instant.parse("2025-06-01T08:00:00Z"));
    Random noise = new Random(7);
    try (TopicWriter writer = TopicWriter.toTestBroker()) {
      for (int i = 0; i < 120; i++) {
        double value = i == 90 ? 41 : 20 + 2 * Math.sin(i / 8.0) + noise.nextGaussian() * 0.3;
        writer.write("features", ENTITY, EventJson.toJson(snapshots.next(value)));
      }
    }
    List<Object> anomalies =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .header("X-API-Key", TestKeys.API_KEY)
                        .queryParam("entityId", ENTITY)
                        .get("/api/v1/anomalies")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("anomalies"),
                found -> found.size() >= 2);
    Path screenshot = BrowserScript.screenshot("anomaly-page");

    BrowserScript.Outcome outcome =
        BrowserScript.run(
            "anomaly-page.mjs",
            page.toString(),
            TestKeys.API_KEY,
            screenshot.toString(),
            ENTITY,
            String.valueOf(anomalies.size()));

    assertThat(outcome.passed()).as(outcome.output()).isTrue();
    assertThat(screenshot).isNotEmptyFile();
  }
}
