package dev.eventsuite.enrich.rest;

import dev.eventsuite.enrich.messaging.MetricEventsHandler;
import dev.eventsuite.enrich.store.StoreException;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Low-latency lookups of entities' features, answered from memory or the feature store. */
@Path("/api/v1/features")
@Tag(name = "Features")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource {

  private final MetricEventsHandler features;

  @Inject
  public FeaturesResource(MetricEventsHandler features) {
    this.features = features;
  }

  @GET
  @Path("{entityId}")
  @Operation(summary = "An entity's features as of its latest event")
  @APIResponse(responseCode = "200", description = "The entity's features")
  @APIResponse(responseCode = "404", description = "No event of this entity has been seen")
  public FeaturesView get(@PathParam("entityId") String entityId) {
    return lookup(entityId)
        .orElseThrow(() -> ProblemException.notFound("no features for entity '" + entityId + "'"));
  }

  Optional<FeaturesView> lookup(String entityId) {
    try {
      return features.lookup(entityId).map(FeaturesView::of);
    } catch (StoreException e) {
      throw ProblemException.unavailable("the feature store does not answer; try again");
    }
  }
}
