package dev.eventsuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.eventsuite.ingest.Ingest;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TestKeys;
import dev.eventsuite.testing.TopicTail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OCI Object Storage events posted over HTTP, as OCI Notifications or a function delivers them. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EventsApiTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Inject ObjectStore store;

  @Test
  void shouldIngestTheObjectAPostedEventNames() throws Exception {
    String name = run + "/posted.txt";
    // Written into the bucket without any event: only the posted one can bring it in.
    byte[] text = "Posted by an event.".getBytes(StandardCharsets.UTF_8);
    String eTag =
        store.put("inbox", name, new ByteArrayInputStream(text), -1, "text/plain", Map.of()).eTag();
    try (TopicTail objectEvents = TopicTail.of("object-events");
        TopicTail documents = TopicTail.of("documents")) {
      given()
          .header("Authorization", basic("ons", TestKeys.API_KEY))
          .contentType("application/json")
          .body("[" + Ingest.objectEvent("createobject", name, eTag) + "," + bucketEvent() + "]")
          .when()
          .post("/api/v1/events")
          .then()
          .statusCode(202)
          .body("accepted", equalTo(1))
          .body("ignored", equalTo(1));

      assertThat(objectEvents.await(1, r -> r.key().equals("local/inbox/" + name), Ingest.WAIT))
          .hasSize(1);
      assertThat(Ingest.sections(Ingest.await(documents, 1, "inbox/" + name)))
          .extracting(section -> section.text())
          .containsExactly("Posted by an event.");
    }
  }

  @Test
  void shouldRefuseABatchWithAnInvalidEventNamingIt() {
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("application/json")
        .body(
            "["
                + Ingest.objectEvent("createobject", "a.txt", "t")
                + ",{\"eventType\":\"com.oraclecloud.objectstorage.createobject\",\"data\":{}}]")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eventsuite:problem:invalid-event"))
        .body("errors[0].field", equalTo("[1]"))
        .body("errors[0].message", containsString("names no namespace"));
    given()
        .header("X-API-Key", TestKeys.API_KEY)
        .contentType("application/json")
        .body("not json")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .body("detail", containsString("not valid JSON"));
  }

  @Test
  void shouldConfirmSubscriptionsOnlyOnOciHosts() {
    given()
        .header("Authorization", basic("ons", TestKeys.API_KEY))
        .header("X-OCI-NS-MessageType", "SubscriptionConfirmation")
        .header("X-OCI-NS-ConfirmationURL", "http://169.254.169.254/latest/meta-data")
        .body("{}")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:eventsuite:problem:invalid-confirmation"));
    // An allowed host is called; this one does not resolve here, which the answer says.
    given()
        .header("Authorization", basic("ons", TestKeys.API_KEY))
        .contentType("application/json")
        .body(
            "{\"ConfirmationURL\":\"https://cell1.notification.us-ashburn-1.oci.oraclecloud.com.invalid/confirm?token=x\"}")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", basic("ons", TestKeys.API_KEY))
        .contentType("application/json")
        .body(
            "{\"ConfirmationURL\":\"https://unreachable.notification.oraclecloud.com/20181201/subscriptions/x/confirmation?token=y\"}")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(502)
        .body("detail", equalTo("the confirmation URL could not be reached"));
  }

  @Test
  void shouldAskForCredentialsOciNotificationsCanSend() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Basic"));
    given()
        .header("Authorization", basic("ons", "wrong"))
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(401);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bucketEvent() {
    return "{\"eventType\":\"com.oraclecloud.objectstorage.createbucket\",\"eventID\":\"b\",\"data\":{\"resourceName\":\"x\"}}";
  }
}
