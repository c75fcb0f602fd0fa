package dev.eventsuite.search.rest;

import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.CurrentCaller;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A document as the index holds it: its metadata and its chunks in order. */
@Path("/api/v1/documents")
@Tag(name = "Documents", description = "A document's chunks as indexed")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

  private final VectorStore store;
  private final CurrentCaller caller;

  @Inject
  public DocumentsResource(VectorStore store, CurrentCaller caller) {
    this.store = store;
    this.caller = caller;
  }

  /** A document and its chunks. */
  public record DocumentView(
      String documentId,
      String version,
      String title,
      String collection,
      String category,
      String source,
      String contentType,
      Instant createdAt,
      Instant updatedAt,
      Map<String, String> metadata,
      String model,
      List<ChunkView> chunks) {}

  /** One chunk of a document. */
  public record ChunkView(
      String chunkId, int sectionIndex, int chunkIndex, String language, String text) {}

  @GET
  @Path("{id}")
  @Operation(summary = "A document's metadata and its chunks, in order")
  public DocumentView get(@PathParam("id") @Size(max = 256) String id) {
    List<StoredChunk> chunks = store.documentChunks(id);
    // A document of a collection the caller may not read is not there for it.
    if (chunks.isEmpty() || !caller.get().canRead(chunks.get(0).collection())) {
      throw ProblemException.notFound("no document '" + id + "' in the index");
    }
    StoredChunk first = chunks.get(0);
    return new DocumentView(
        first.documentId(),
        first.documentVersion(),
        first.title(),
        first.collection(),
        first.category(),
        first.source(),
        first.contentType(),
        first.createdAt(),
        first.updatedAt(),
        first.metadata(),
        first.model(),
        chunks.stream()
            .map(
                c ->
                    new ChunkView(
                        c.chunkId(), c.sectionIndex(), c.chunkIndex(), c.language(), c.text()))
            .toList());
  }
}
