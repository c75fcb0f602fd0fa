package dev.eventsuite.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.object.OciEventParseResult;
import dev.eventsuite.events.object.OciObjectEvents;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.service.ObjectEvents;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.Problem;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Receives OCI Object Storage events over HTTP: from an OCI Notifications HTTPS subscription (whose
 * confirmation request it answers), a function relaying events, or any client. Accepted events go
 * onto {@code object-events} as they came.
 */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Object Storage events delivered over HTTP (OCI Notifications)")
@ApiKeyRequired(basicChallenge = true)
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
public class EventsResource {

  /** The most events one request may carry. */
  static final int MAX_EVENTS = 1000;

  private static final String CONFIRMATION = "SubscriptionConfirmation";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final ObjectEvents objectEvents;
  private final List<String> confirmationHosts;

  @Inject
  public EventsResource(ObjectEvents objectEvents, IngestConfig config) {
    this.objectEvents = objectEvents;
    this.confirmationHosts = config.notifications().confirmationHosts();
  }

  /** How many events were accepted, and how many ignored (e.g. bucket events). */
  public record Received(int accepted, int ignored) {}

  /** An OCI Notifications subscription was confirmed. */
  public record Confirmed(boolean confirmed) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One OCI Object Storage event, or an array of them")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "created object",
                      value =
                          "{\"eventType\":\"com.oraclecloud.objectstorage.createobject\",\"eventID\":\"e1\","
                              + "\"source\":\"ObjectStorage\",\"eventTime\":\"2025-01-01T10:00:00Z\",\"data\":{"
                              + "\"resourceName\":\"reports/q1.pdf\",\"additionalDetails\":{\"namespace\":\"ns\","
                              + "\"bucketName\":\"docs\",\"eTag\":\"v1\"}}}")))
  @APIResponse(
      responseCode = "200",
      description = "An OCI Notifications subscription confirmation, confirmed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Confirmed.class),
              examples = @ExampleObject(name = "confirmed", value = "{\"confirmed\": true}")))
  @APIResponse(
      responseCode = "202",
      description = "The events are on object-events; ignored counts events of other kinds",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Received.class),
              examples =
                  @ExampleObject(name = "one event", value = "{\"accepted\": 1, \"ignored\": 0}")))
  public Response receive(
      byte[] body,
      @HeaderParam("X-OCI-NS-MessageType") String messageType,
      @HeaderParam("X-OCI-NS-ConfirmationURL") String confirmationUrl) {
    JsonNode payload = EventJson.tree(body);
    String confirmation =
        confirmationUrl != null ? confirmationUrl : payload.path("ConfirmationURL").asText(null);
    if (CONFIRMATION.equalsIgnoreCase(messageType) || confirmation != null) {
      confirm(confirmation);
      return Response.ok(new Confirmed(true)).type(MediaType.APPLICATION_JSON).build();
    }
    List<JsonNode> events = new ArrayList<>();
    if (payload.isArray()) {
      payload.forEach(events::add);
    } else {
      events.add(payload);
    }
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw ProblemException.badRequest(
          "invalid-event", "send between 1 and " + MAX_EVENTS + " events");
    }
    List<ObjectEvents.Received> accepted = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      OciEventParseResult result = OciObjectEvents.parse(events.get(i));
      if (result instanceof OciEventParseResult.Rejected rejected) {
        errors.add(
            new Problem.FieldError(payload.isArray() ? "[" + i + "]" : "event", rejected.reason()));
      } else if (result instanceof OciEventParseResult.Accepted ok) {
        accepted.add(
            new ObjectEvents.Received(ok.event().objectPath(), EventJson.toBytes(events.get(i))));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "invalid-event",
                  "Invalid event",
                  errors.size()
                      + " of "
                      + events.size()
                      + " events are not valid OCI Object Storage events; none was accepted")
              .withErrors(errors));
    }
    objectEvents.forward(accepted);
    return Response.accepted(new Received(accepted.size(), events.size() - accepted.size()))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  /**
   * Confirms an OCI Notifications subscription by fetching its confirmation URL, but only on an
   * allowed host: the request is not signed in a way the service checks, so it must not be able to
   * send the service anywhere else.
   */
  private void confirm(String url) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-confirmation", "the confirmation URL is not a URL");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean allowed =
        "https".equals(uri.getScheme())
            && confirmationHosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    if (!allowed) {
      throw ProblemException.badRequest(
          "invalid-confirmation",
          "confirmation URLs must be https on " + String.join(" or ", confirmationHosts));
    }
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new ProblemException(
            Problem.of(
                502,
                "confirmation-failed",
                "Bad gateway",
                "the confirmation URL answered " + response.statusCode()));
      }
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              502,
              "confirmation-failed",
              "Bad gateway",
              "the confirmation URL could not be reached"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable("interrupted");
    }
  }
}
