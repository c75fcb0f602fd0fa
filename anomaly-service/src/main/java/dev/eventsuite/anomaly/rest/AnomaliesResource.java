package dev.eventsuite.anomaly.rest;

import dev.eventsuite.anomaly.store.AnomalyStore;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anomalies found, by entity and event time. */
@Path("/api/v1/anomalies")
@Tag(name = "Anomalies", description = "Anomalies found in the scored series, newest first")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class AnomaliesResource {

  private final AnomalyStore store;

  @Inject
  public AnomaliesResource(AnomalyStore store) {
    this.store = store;
  }

  @GET
  @Operation(summary = "Anomalies, latest first")
  @APIResponse(responseCode = "200", description = "The anomalies")
  @APIResponse(responseCode = "400", description = "A parameter is invalid")
  public AnomalyApi.AnomaliesResponse list(
      @Parameter(description = "One entity's only") @QueryParam("entityId") @Size(max = 256)
          String entityId,
      @Parameter(description = "From this event time on (ISO-8601 or epoch millis)")
          @QueryParam("since")
          String since,
      @Parameter(description = "Before this event time") @QueryParam("until") String until,
      @Parameter(description = "At most this many, 1 to 1000")
          @QueryParam("limit")
          @DefaultValue("100")
          @Min(1)
          @Max(1000)
          int limit) {
    Instant from = RequestTimes.parse("since", since, Instant.EPOCH);
    Instant to = RequestTimes.parse("until", until, Instant.parse("9999-12-31T23:59:59Z"));
    if (!from.isBefore(to)) {
      throw ProblemException.badRequest("invalid-range", "since must be before until");
    }
    return new AnomalyApi.AnomaliesResponse(
        store.anomalies(blankToNull(entityId), from, to, limit));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
