package dev.eventsuite.search.rest;

import dev.eventsuite.search.config.SearchConfig;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the web page at {@code /} needs to know before the user gives a key; nothing secret. */
@Path("/api/v1/page")
@Tag(name = "Page", description = "What the search page needs to start")
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

  private final SearchConfig config;
  private final EmbeddingModel model;

  @Inject
  public PageResource(SearchConfig config, EmbeddingModel model) {
    this.config = config;
    this.model = model;
  }

  /**
   * The page's settings.
   *
   * @param ingestUrl where the upload form sends files
   * @param model the model queries are embedded with
   * @param maxK the most results a page may ask for
   */
  public record PageSettings(String ingestUrl, String model, int maxK) {}

  @GET
  @Operation(summary = "Where the web page uploads files, and the model it searches with")
  public PageSettings settings() {
    return new PageSettings(config.ingestUrl(), model.info().key(), 100);
  }
}
