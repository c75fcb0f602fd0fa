package dev.eventsuite.platform.faults;

import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fault injection for the fault suite ({@code bin/suite faults}); answers 404 unless {@code
 * suite.faults.enabled} is set.
 */
@Path("/api/v1/admin/faults")
@Tag(name = "Faults", description = "Fault injection for the fault suite; off unless enabled")
@ApiKeyRequired(ApiKeyRequired.Access.ADMIN)
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaultsResource {

  /** How long the stores fail: 1 s to 10 min. */
  public record OutageRequest(@NotNull @Min(1) @Max(600) Integer seconds) {}

  /** The outage started. */
  public record OutageStarted(Instant until) {}

  private final StoreOutage outage;

  @Inject
  public FaultsResource(StoreOutage outage) {
    this.outage = outage;
  }

  @POST
  @Path("/store-outage")
  @Operation(
      summary = "Make every store of this service fail for a while",
      description =
          "Connections to the database and writes to the vector index fail until the outage"
              + " ends. Only where suite.faults.enabled is set.")
  @RequestBody(
      description = "How long the outage lasts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "half a minute", value = "{\"seconds\": 30}")))
  @APIResponse(
      responseCode = "202",
      description = "The outage started; it ends at until",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OutageStarted.class),
              examples =
                  @ExampleObject(
                      name = "started",
                      value = "{\"until\": \"2026-12-03T20:47:32.832Z\"}")))
  public Response storeOutage(@NotNull @Valid OutageRequest request) {
    if (!outage.enabled()) {
      throw ProblemException.notFound("fault injection is off here (suite.faults.enabled)");
    }
    Instant until = outage.start(Duration.ofSeconds(request.seconds()));
    return Response.accepted(new OutageStarted(until)).build();
  }
}
