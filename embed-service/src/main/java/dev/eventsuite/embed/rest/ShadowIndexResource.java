package dev.eventsuite.embed.rest;

import dev.eventsuite.embed.shadow.ShadowFilling;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shadow index a model change is prepared in. */
@Path("/api/v1/shadow-index")
@Tag(
    name = "Shadow index",
    description = "The second index a new model is filled into while searches use the first")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ShadowIndexResource {

  private final ShadowFilling filling;

  @Inject
  public ShadowIndexResource(ShadowFilling filling) {
    this.filling = filling;
  }

  @GET
  @Operation(
      summary =
          "Where the shadow index stands: NONE, FILLING or READY (search-service can switch to it)")
  public ShadowFilling.Status status() {
    return filling.status();
  }
}
