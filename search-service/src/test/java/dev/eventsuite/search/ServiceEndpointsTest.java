package dev.eventsuite.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItems;

import dev.eventsuite.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ServiceEndpointsTest {

  @Test
  void shouldBeReadyWhenKafkaIsReachable() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void shouldBeAlive() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void shouldExposePrometheusMetricsAndOpenApi() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("search-service"));
  }

  @Test
  void shouldDescribeHowToCallEachOperationInItsApiDocument() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.license.url", equalTo("https://www.apache.org/licenses/LICENSE-2.0"))
        .body("servers[0].url", equalTo("/"))
        .body("components.securitySchemes.api-key.name", equalTo("X-API-Key"))
        .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
        // Swagger UI's "Try it out" sends the key only to operations that name a scheme.
        .body("paths.'/api/v1/search'.post.security", hasItems(Map.of("api-key", List.of())))
        .body("paths.'/api/v1/page'.get.security", empty())
        .body(
            "paths.'/api/v1/search'.post.responses.'401'.content.'application/problem+json'"
                + ".schema",
            hasEntry("$ref", "#/components/schemas/Problem"))
        .body("components.schemas.Problem.required", hasItems("type", "title", "status"));
  }
}
