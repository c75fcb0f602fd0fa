package dev.eventsuite.search.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.search.SearchIndex;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class SearchApiTest extends FixtureIndexTest {

  private static RequestSpecification withKey() {
    return given().header("X-API-Key", TestKeys.API_KEY).contentType(ContentType.JSON);
  }

  /** The page, its numbers read as the doubles the service writes, not rounded to floats. */
  private static JsonPath search(Map<String, Object> request) {
    return withKey()
        .body(request)
        .post("/api/v1/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
  }

  private static List<String> documents(JsonPath page) {
    return page.getList("results.documentId");
  }

  @Test
  void shouldFindByMeaningWhenNoWordIsShared() {
    JsonPath page =
        search(Map.of("query", "how do I reboot the message server", "mode", "semantic", "k", 3));

    assertThat(documents(page).get(0)).isEqualTo("restart");
    assertThat(page.getString("mode")).isEqualTo("semantic");
    assertThat(page.getString("model")).isEqualTo(model.info().key());
    assertThat(page.getDouble("results[0].scores.semantic")).isPositive();
    assertThat(page.getDouble("results[0].scores.keyword")).isZero();
    assertThat(page.getString("results[0].title")).isEqualTo("Restarting the broker");
    assertThat(page.getString("results[0].source")).isEqualTo("handbook/restart.md");
    assertThat(page.getString("results[0].category")).isEqualTo("runbooks");
    assertThat(page.getString("results[0].createdAt")).isEqualTo("2025-01-10T09:00:00Z");
    assertThat(page.getMap("results[0].metadata")).containsEntry("owner", "ops");
  }

  @Test
  void shouldFindByWordsInKeywordMode() {
    JsonPath page = search(Map.of("query", "revenue subscriptions", "mode", "keyword"));

    assertThat(documents(page)).containsExactly("revenue");
    assertThat(page.getDouble("results[0].scores.keyword")).isCloseTo(1.0, within(1e-9));
    assertThat(page.getDouble("results[0].scores.semantic")).isZero();
    assertThat(page.getString("results[0].snippet")).contains("subscriptions");
  }

  @Test
  void shouldFuseBothInHybridModeWithPartsThatAddUpToTheScore() {
    JsonPath page = search(Map.of("query", "restart the broker", "k", 5));

    assertThat(page.getString("mode")).isEqualTo("hybrid");
    assertThat(documents(page).get(0)).isEqualTo("restart");
    assertThat(page.getDouble("results[0].scores.semantic")).isPositive();
    assertThat(page.getDouble("results[0].scores.keyword")).isPositive();
    List<Map<String, Object>> results = page.getList("results");
    for (Map<String, Object> result : results) {
      @SuppressWarnings("unchecked")
      Map<String, Number> scores = (Map<String, Number>) result.get("scores");
      double sum =
          scores.get("semantic").doubleValue()
              + scores.get("keyword").doubleValue()
              + scores.get("recency").doubleValue();
      assertThat(sum).isCloseTo(((Number) result.get("score")).doubleValue(), within(1e-9));
    }
  }

  @Test
  void shouldApplyEveryFilter() {
    assertThat(
            documents(
                search(
                    Map.of("query", "broker", "filter", Map.of("category", List.of("finance"))))))
        .containsOnly("revenue");
    assertThat(documents(search(Map.of("query", "broker", "filter", Map.of("collection", "mail")))))
        .containsOnly("maintenance");
    assertThat(
            documents(
                search(
                    Map.of(
                        "query",
                        "broker",
                        "filter",
                        Map.of("createdAfter", "2025-05-01T00:00:00Z")))))
        .contains("revenue", "maintenance")
        .doesNotContain("restart", "garden");
    assertThat(
            documents(
                search(
                    Map.of(
                        "query",
                        "broker",
                        "filter",
                        Map.of("createdBefore", "2024-06-01T00:00:00Z")))))
        .contains("garden")
        .doesNotContain("restart", "revenue", "maintenance");
    assertThat(
            documents(
                search(
                    Map.of(
                        "query", "broker", "filter", Map.of("metadata", Map.of("owner", "ops"))))))
        .containsOnly("restart");
    assertThat(
            documents(
                search(
                    Map.of("query", "broker", "filter", Map.of("contentType", "application/pdf")))))
        .isEmpty();
  }

  @Test
  void shouldPutTheNewestFirstWhenRecencyWeighsFully() {
    JsonPath page =
        search(
            Map.of(
                "query",
                "tomatoes",
                "mode",
                "semantic",
                "recencyWeight",
                1,
                "groupByDocument",
                true));

    assertThat(documents(page).get(0)).isEqualTo("maintenance");
    assertThat(page.getDouble("results[0].scores.recency")).isGreaterThan(0.99);
    assertThat(page.getDouble("results[0].scores.semantic")).isZero();
  }

  @Test
  void shouldGiveEachDocumentOnceWhenGrouped() {
    JsonPath page =
        search(Map.of("query", "broker restart logs", "k", 10, "groupByDocument", true));

    assertThat(documents(page)).doesNotHaveDuplicates().contains("restart");
  }

  @Test
  void shouldLeaveOutResultsBelowTheMinimumScore() {
    JsonPath page =
        search(Map.of("query", "restart the broker", "mode", "semantic", "minScore", 0.5));

    assertThat(page.getList("results.score", Float.class))
        .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.5f));
    assertThat(documents(page)).contains("restart").doesNotContain("garden");
  }

  @Test
  void shouldPageWithACursorWithoutRepeatingResults() {
    JsonPath first = search(Map.of("query", "broker", "mode", "semantic", "k", 2));
    String cursor = first.getString("nextCursor");

    JsonPath second =
        search(Map.of("query", "broker", "mode", "semantic", "k", 2, "cursor", cursor));

    assertThat(cursor).isNotBlank();
    assertThat(second.getList("results.chunkId", String.class))
        .hasSize(2)
        .doesNotContainAnyElementsOf(first.getList("results.chunkId", String.class));
    withKey()
        .body(Map.of("query", "something else", "k", 2, "cursor", cursor))
        .post("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("another search"));
  }

  @Test
  void shouldAnswerQuickQueriesOverGet() {
    withKey()
        .queryParam("q", "restart the broker")
        .queryParam("category", "runbooks")
        .queryParam("k", 3)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("results[0].documentId", equalTo("restart"))
        .body("results.category", org.hamcrest.Matchers.everyItem(equalTo("runbooks")));
  }

  @Test
  void shouldShowADocumentWithItsChunksInOrder() {
    withKey()
        .get("/api/v1/documents/restart")
        .then()
        .statusCode(200)
        .body("title", equalTo("Restarting the broker"))
        .body("metadata.owner", equalTo("ops"))
        .body("chunks.chunkIndex", equalTo(List.of(0, 1)))
        .body("chunks[1].text", containsString("Check the broker logs"));
    withKey()
        .get("/api/v1/documents/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldListCollectionsWithTheirModel() {
    withKey()
        .get("/api/v1/collections")
        .then()
        .statusCode(200)
        .body("find { it.name == 'handbook' }.chunks", equalTo(4))
        .body("find { it.name == 'handbook' }.model", equalTo(model.info().key()))
        .body("find { it.name == 'handbook' }.dimension", equalTo(384))
        .body("name", hasItem("mail"));
  }

  @Test
  void shouldRemoveACollectionThroughThePipelineForTheAdminOnly() {
    index.add(
        "removable",
        "removable-doc",
        "Scratch",
        null,
        SearchIndex.RECENT,
        Map.of(),
        "temporary notes");
    withKey().delete("/api/v1/collections/removable").then().statusCode(403);

    try (TopicTail documents = TopicTail.of("documents")) {
      given()
          .header("X-API-Key", TestKeys.ADMIN_KEY)
          .delete("/api/v1/collections/removable")
          .then()
          .statusCode(202)
          .body("documents", equalTo(1));

      var removal =
          documents.await(1, r -> "removable-doc".equals(r.key()), Duration.ofSeconds(30)).get(0);
      assertThat(EventJson.fromBytes(removal.value(), DocumentRemoved.class).documentId())
          .isEqualTo("removable-doc");
    }
    given()
        .header("X-API-Key", TestKeys.ADMIN_KEY)
        .delete("/api/v1/collections/none")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldRefuseToSearchACollectionBuiltWithAnotherModelByMeaning() {
    index.addEmbeddedBy("other-model@2", "legacy", "legacy-doc", "an old note about brokers");

    withKey()
        .body(
            Map.of("query", "broker", "mode", "semantic", "filter", Map.of("collection", "legacy")))
        .post("/api/v1/search")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("other-model@2"));
    assertThat(
            documents(
                search(
                    Map.of(
                        "query",
                        "broker",
                        "mode",
                        "keyword",
                        "filter",
                        Map.of("collection", "legacy")))))
        .containsExactly("legacy-doc");
  }

  @Test
  void shouldSeeANewDocumentOnceItIsCommittedDespiteTheResultCache() {
    Map<String, Object> request =
        Map.of(
            "query",
            "zeppelin hangar inspection",
            "mode",
            "keyword",
            "filter",
            Map.of("collection", "scratch"));
    assertThat(documents(search(request))).isEmpty();

    index.add(
        "scratch",
        "zeppelin",
        "Hangar",
        null,
        SearchIndex.RECENT,
        Map.of(),
        "Zeppelin hangar inspection checklist");

    assertThat(documents(search(request))).containsExactly("zeppelin");
  }

  @Test
  void shouldRefuseInvalidRequestsWithProblemDetails() {
    for (Map<String, Object> invalid :
        List.<Map<String, Object>>of(
            Map.of("query", ""),
            Map.of("query", "x", "k", 0),
            Map.of("query", "x", "k", 101),
            Map.of("query", "x", "mode", "fuzzy"),
            Map.of("query", "x", "recencyWeight", 2),
            Map.of("query", "x", "filter", Map.of("metadata", Map.of("bad key!", "v"))),
            Map.of(
                "query",
                "x",
                "filter",
                Map.of(
                    "createdAfter",
                    "2025-02-01T00:00:00Z",
                    "createdBefore",
                    "2025-01-01T00:00:00Z")),
            Map.of("query", "x", "cursor", "garbage"))) {
      withKey()
          .body(invalid)
          .post("/api/v1/search")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
    }
    withKey().body("{\"query\": ").post("/api/v1/search").then().statusCode(400);
  }

  @Test
  void shouldNameTheFieldOrParameterOfTheWrongType() {
    refusedSearch("{\"query\": \"x\", \"k\": \"five\"}")
        .body("type", equalTo("urn:eventsuite:problem:validation"))
        .body("errors[0].field", equalTo("k"))
        .body("errors[0].message", equalTo("must be a whole number"));
    refusedSearch("{\"query\": \"x\", \"filter\": {\"createdAfter\": \"last tuesday\"}}")
        .body("type", equalTo("urn:eventsuite:problem:validation"))
        .body("errors[0].field", equalTo("filter.createdAfter"))
        .body("errors[0].message", containsString("ISO-8601"));
    refusedSearch("{\"query\": \"x\", \"kk\": 5}")
        .body("type", equalTo("urn:eventsuite:problem:validation"))
        .body("errors[0].field", equalTo("kk"))
        .body("errors[0].message", containsString("is not a field of this request"))
        .body("errors[0].message", containsString("query"));
    refusedSearch("[1, 2]")
        .body("type", equalTo("urn:eventsuite:problem:malformed-json"))
        .body("detail", equalTo("the request body must be a JSON object"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/search?q=lamp&k=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:invalid-parameter"))
        .body("detail", containsString("abc"));
  }

  @Test
  void shouldAnswerAnOverlongUriWithAProblemAndTheNextRequestAsUsual() {
    for (String uri :
        List.of("/api/v1/search?q=" + "lamp+".repeat(2000), "/api/v1/" + "a".repeat(10_000))) {
      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .get(uri)
          .then()
          .statusCode(414)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:eventsuite:problem:uri-too-long"))
          .body("detail", containsString("at most 8192"));
    }
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/search?q=lamp")
        .then()
        .statusCode(200);
  }

  /** A search request refused as a problem. */
  private static ValidatableResponse refusedSearch(String body) {
    return withKey()
        .body(body)
        .post("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseCallersWithoutAValidKey() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("query", "broker"))
        .post("/api/v1/search")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("X-API-Key", "wrong")
        .get("/api/v1/search?q=broker")
        .then()
        .statusCode(401)
        .body("detail", equalTo("the key is not valid"));
  }

  @Test
  void shouldServeThePageAndItsSettings() {
    given().get("/").then().statusCode(200).body(containsString("Event Suite search"));
    given()
        .get("/api/v1/page")
        .then()
        .statusCode(200)
        .body("ingestUrl", equalTo("http://localhost:8081"))
        .body("model", equalTo(model.info().key()))
        .body("nothing", nullValue());
  }
}
