package dev.eventsuite.enrich.rest;

import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Several entities' features in one call: a custom method in the style of Google's API design. */
@Path("/api/v1/features:batchGet")
@Tag(name = "Features", description = "Per-entity features computed from metric events")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesBatchResource {

  /** The most entities one batch lookup may ask for. */
  public static final int MAX_BATCH = 1000;

  private final FeaturesResource features;

  @Inject
  public FeaturesBatchResource(FeaturesResource features) {
    this.features = features;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Several entities' features in one call")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(name = "two users", value = "{\"entityIds\":[\"u1\",\"u2\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "The features of the entities held, and the ids of those that are not",
      content = @Content(schema = @Schema(implementation = BatchGetResponse.class)))
  @APIResponse(
      responseCode = "503",
      description =
          "An entity asked for is not held and the state is still loading after a restart or"
              + " rebalance; ask again after Retry-After seconds")
  public Uni<BatchGetResponse> batchGet(@Valid @NotNull BatchGetRequest request) {
    LinkedHashSet<String> asked = new LinkedHashSet<>(request.entityIds());
    return features
        .lookup(asked)
        .map(
            found -> {
              List<String> missing = new ArrayList<>(asked);
              missing.removeAll(found.keySet());
              return new BatchGetResponse(List.copyOf(found.values()), missing);
            });
  }

  /** Entities to look up. */
  public record BatchGetRequest(
      @NotNull @Size(min = 1, max = MAX_BATCH) List<@NotBlank String> entityIds) {}

  /** The entities found, and the ids of those not found. */
  public record BatchGetResponse(List<FeaturesView> features, List<String> missing) {}
}
