package dev.eventsuite.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(RateLimitTest.SlowKeys.class)
class RateLimitTest {

  /** Two requests at once, then one every ten seconds. */
  public static class SlowKeys implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "suite.search.rate-limit.requests-per-second", "0.1",
          "suite.search.rate-limit.burst", "2");
    }
  }

  @Test
  void shouldAnswerTooManyRequestsWithWhenToTryAgainPerKey() {
    for (int i = 0; i < 2; i++) {
      given()
          .header("X-API-Key", TestKeys.API_KEY)
          .get("/api/v1/collections")
          .then()
          .statusCode(200);
    }

    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .get("/api/v1/collections")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9]|10"))
        .body("type", containsString("rate-limited"))
        .body("detail", startsWith("this key may send 0.1 requests per second; try again in "));
    given()
        .header("X-API-Key", TestKeys.ADMIN_KEY)
        .get("/api/v1/collections")
        .then()
        .statusCode(200);
  }
}
