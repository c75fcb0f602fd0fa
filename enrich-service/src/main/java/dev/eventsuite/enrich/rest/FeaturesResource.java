package dev.eventsuite.enrich.rest;

import dev.eventsuite.enrich.messaging.MetricEventsHandler;
import dev.eventsuite.enrich.store.StoreException;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Low-latency lookups of an entity's features: answered on the I/O thread from memory when this
 * instance holds the entity's partition, and from the feature store on a worker thread otherwise.
 */
@Path("/api/v1/features")
@Tag(name = "Features", description = "Per-entity features computed from metric events")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
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
  @APIResponse(
      responseCode = "503",
      description =
          "The entity is not held and the state is still loading after a restart or rebalance;"
              + " ask again after Retry-After seconds")
  public Uni<FeaturesView> get(@PathParam("entityId") String entityId) {
    return lookup(List.of(entityId))
        .map(
            found -> {
              FeaturesView view = found.get(entityId);
              if (view == null) {
                throw ProblemException.notFound("no features for entity '" + entityId + "'");
              }
              return view;
            });
  }

  /**
   * The features of the entities found, by id in the order asked: those held in memory without
   * blocking, the others from the store on a worker thread.
   */
  Uni<Map<String, FeaturesView>> lookup(Collection<String> entityIds) {
    Map<String, FeaturesView> found = new LinkedHashMap<>();
    List<String> notHeld = new ArrayList<>();
    for (String entityId : entityIds) {
      found.put(entityId, null);
      features
          .held(entityId)
          .ifPresentOrElse(
              snapshot -> found.put(entityId, FeaturesView.of(snapshot)),
              () -> notHeld.add(entityId));
    }
    if (notHeld.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    if (!features.isCurrent()) {
      // The entity may be on a partition whose recent events are still being applied: neither
      // memory nor the store can say yet that it does not exist.
      return Uni.createFrom()
          .failure(
              ProblemException.loading(
                  "entity state is still loading after a restart or rebalance; ask again"));
    }
    return Uni.createFrom()
        .item(
            () -> {
              for (String entityId : notHeld) {
                found.put(entityId, stored(entityId).orElse(null));
              }
              found.values().removeIf(Objects::isNull);
              return found;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private Optional<FeaturesView> stored(String entityId) {
    try {
      return features.stored(entityId).map(FeaturesView::of);
    } catch (StoreException e) {
      throw ProblemException.unavailable("the feature store does not answer; try again");
    }
  }
}
