package dev.eventsuite.search.rest;

import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.Caller;
import dev.eventsuite.platform.http.CurrentCaller;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.platform.kafka.EventPublisher;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.embedding.ModelInfo;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.VectorStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The collections in the index; a bucket is a collection by default. */
@Path("/api/v1/collections")
@Tag(
    name = "Collections",
    description = "Collections of documents and the models their indexes were built with")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

  /** The most documents one removal takes: more need another call. */
  static final int MAX_REMOVED = 100_000;

  private final VectorStore store;
  private final EmbeddingModel model;
  private final EventPublisher publisher;
  private final String documentsTopic;

  private final CurrentCaller caller;

  @Inject
  public CollectionsResource(
      VectorStore store,
      EmbeddingModel model,
      EventPublisher publisher,
      SuiteConfig suite,
      CurrentCaller caller) {
    this.caller = caller;
    this.store = store;
    this.model = model;
    this.publisher = publisher;
    this.documentsTopic = suite.topics().documents();
  }

  /**
   * A collection.
   *
   * @param model the model (id and version) its chunks were embedded with
   * @param dimension its vectors' length, when this service's model built it; else null
   */
  public record Collection(String name, long chunks, String model, Integer dimension) {}

  /** What a removal started. */
  public record Removal(String collection, int documents) {}

  @GET
  @ApiKeyRequired
  @SecurityRequirement(name = ApiDocumentFilter.API_KEY)
  @SecurityRequirement(name = ApiDocumentFilter.BEARER)
  @Operation(summary = "The collections the caller may read: chunk count, model and dimension")
  public List<Collection> list() {
    ModelInfo info = model.info();
    Caller who = caller.get();
    return store.collections().stream()
        .filter(c -> who.canRead(c.name()))
        .map(
            c ->
                new Collection(
                    c.name(),
                    c.chunks(),
                    c.model(),
                    info.key().equals(c.model()) ? info.dimension() : null))
        .toList();
  }

  @DELETE
  @Path("{name}")
  @ApiKeyRequired(ApiKeyRequired.Access.ADMIN)
  @SecurityRequirement(name = ApiDocumentFilter.API_KEY)
  @SecurityRequirement(name = ApiDocumentFilter.BEARER)
  @Operation(
      summary =
          "Removes every document of a collection: a removal of each goes through the pipeline, so"
              + " every service forgets it")
  @APIResponse(
      responseCode = "202",
      description = "Removals sent for every document of the collection",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Removal.class)))
  public Response delete(@PathParam("name") @Size(max = 256) String name) {
    List<String> documents = store.documentIds(ChunkFilter.collection(name), MAX_REMOVED);
    if (documents.isEmpty()) {
      throw ProblemException.notFound("no collection '" + name + "' in the index");
    }
    Instant now = Instant.now();
    List<CompletableFuture<?>> sends = new ArrayList<>(documents.size());
    for (String documentId : documents) {
      DocumentRemoved removal = new DocumentRemoved(documentId, null, now);
      sends.add(
          publisher.publish(
              documentsTopic, documentId, removal, removal.cloudEvent(publisher.source())));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable("interrupted while publishing the removals");
    } catch (Exception e) {
      throw ProblemException.unavailable("the broker did not take the removals; try again");
    }
    return Response.accepted(new Removal(name, documents.size())).build();
  }
}
