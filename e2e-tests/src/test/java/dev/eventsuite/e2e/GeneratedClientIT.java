package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.eventsuite.e2e.client.ApiClient;
import dev.eventsuite.e2e.client.ApiException;
import dev.eventsuite.e2e.client.api.DocumentsApi;
import dev.eventsuite.e2e.client.api.SearchApi;
import dev.eventsuite.e2e.client.model.DocumentView;
import dev.eventsuite.e2e.client.model.Filter;
import dev.eventsuite.e2e.client.model.Result;
import dev.eventsuite.e2e.client.model.SearchRequest;
import dev.eventsuite.e2e.client.model.SearchResponse;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search-service through a Java client generated from its own OpenAPI document (the build runs
 * openapi-generator on target/openapi/openapi.yaml), as a user of the API would make one. The
 * client reads answers strictly: a field the document does not declare fails the test.
 */
class GeneratedClientIT {

  @TempDir Path dir;

  @Test
  void shouldSearchAndReadDocumentsWithAClientGeneratedFromTheDocument() throws Exception {
    RunningSuite suite = SuiteUnderTest.get();
    String bucket = "e2e-client-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        dir.resolve("beekeeping.md"),
        "# Winter hives\n\nThe beekeeper weighs each hive in January and feeds fondant to the"
            + " colonies that feel light.\n");
    SuiteCommand upload = SuiteCommand.on(suite, "upload", dir.toString(), "--bucket", bucket);
    assertThat(upload.exitCode()).as(upload.output()).isZero();

    ApiClient client = client(suite, suite.apiKey());
    SearchApi search = new SearchApi(client);
    SearchRequest request =
        new SearchRequest()
            .query("what do bees eat in winter?")
            .k(3)
            .mode("hybrid")
            .filter(new Filter().collection(bucket));
    AtomicReference<SearchResponse> answer = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              answer.set(search.searchResourcePost(request));
              return !answer.get().getResults().isEmpty();
            });

    Result first = answer.get().getResults().get(0);
    assertThat(first.getTitle()).isEqualTo("Winter hives");
    assertThat(first.getSource()).isEqualTo(bucket + "/beekeeping.md");
    assertThat(first.getCollection()).isEqualTo(bucket);
    assertThat(first.getSnippet()).contains("fondant");
    assertThat(first.getScore()).isPositive();
    assertThat(answer.get().getMode()).isEqualTo("hybrid");

    SearchResponse byGet = search.searchResourceGet("fondant", null, bucket, null, 3, "keyword");
    assertThat(byGet.getResults())
        .extracting(Result::getDocumentId)
        .contains(first.getDocumentId());

    DocumentView document = new DocumentsApi(client).documentsResourceGet(first.getDocumentId());
    assertThat(document.getTitle()).isEqualTo("Winter hives");
    assertThat(document.getChunks()).isNotEmpty();

    ApiException invalid =
        catchThrowableOfType(
            ApiException.class,
            () -> search.searchResourcePost(new SearchRequest().query("bees").k(0)));
    assertThat(invalid.getCode()).isEqualTo(400);
    assertThat(invalid.getResponseBody()).contains("urn:eventsuite:problem:validation");

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> new SearchApi(client(suite, "not-the-key")).searchResourcePost(request));
    assertThat(refused.getCode()).isEqualTo(401);
    assertThat(refused.getResponseHeaders().allValues("WWW-Authenticate"))
        .singleElement()
        .asString()
        .startsWith("Bearer ");
  }

  /** The generated client on the suite's search-service, sending the given key on every call. */
  private static ApiClient client(RunningSuite suite, String apiKey) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(suite.url(Component.SEARCH));
    client.setRequestInterceptor(request -> request.header("X-API-Key", apiKey));
    client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return client;
  }
}
