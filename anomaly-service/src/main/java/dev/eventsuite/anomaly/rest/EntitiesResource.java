package dev.eventsuite.anomaly.rest;

import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.anomaly.store.AnomalyStore;
import dev.eventsuite.anomaly.store.ScoredEvent;
import dev.eventsuite.anomaly.store.StoredSeries;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An entity's scored events, to chart. */
@Path("/api/v1/entities")
@Tag(name = "Entities", description = "An entity's scored series and its detector state")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class EntitiesResource {

  private final AnomalyStore store;

  @Inject
  public EntitiesResource(AnomalyStore store) {
    this.store = store;
  }

  @GET
  @Path("{entityId}/series")
  @Operation(summary = "An entity's scored events (time, value, score, flag), oldest first")
  @APIResponse(responseCode = "200", description = "The series")
  @APIResponse(responseCode = "404", description = "No event of this entity was scored")
  public AnomalyApi.SeriesResponse series(
      @PathParam("entityId") @Size(max = 256) String entityId,
      @Parameter(description = "From this event time on (ISO-8601 or epoch millis)")
          @QueryParam("since")
          String since,
      @Parameter(description = "One metric's only ('_' for the unnamed metric)")
          @QueryParam("metric")
          @Size(max = 256)
          String metric,
      @Parameter(description = "The latest this many events, 1 to 10000")
          @QueryParam("limit")
          @DefaultValue("1000")
          @Min(1)
          @Max(10000)
          int limit) {
    Instant from = RequestTimes.parse("since", since, Instant.EPOCH);
    List<String> metrics =
        store.findSeries(entityId).stream().map(StoredSeries::key).map(SeriesKey::metric).toList();
    List<ScoredEvent> events =
        store.series(entityId, metric == null || metric.isBlank() ? null : metric, from, limit);
    if (metrics.isEmpty() && events.isEmpty()) {
      throw ProblemException.notFound("no scored events for entity '" + entityId + "'");
    }
    return new AnomalyApi.SeriesResponse(
        entityId, metrics, events.stream().map(AnomalyApi.Point::of).toList());
  }
}
