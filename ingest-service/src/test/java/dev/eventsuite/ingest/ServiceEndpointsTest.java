package dev.eventsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ServiceEndpointsTest {

  @Test
  void shouldBeReadyWhenKafkaIsReachable() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void shouldBeAliveWithItsStreamLoopsRunning() {
    given()
        .when()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'stream loops' }.data.objects", equalTo("RUNNING"));
  }

  @Test
  void shouldExposePrometheusMetricsAndOpenApi() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("suite_stream_records_total"));
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("ingest-service"));
  }
}
