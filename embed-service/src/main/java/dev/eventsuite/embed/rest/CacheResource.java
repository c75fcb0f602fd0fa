package dev.eventsuite.embed.rest;

import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The embedding cache the stream and {@code /api/v1/embeddings} share. */
@Path("/api/v1/cache")
@Tag(name = "Cache", description = "The embedding cache: its size and hit rate")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

  private final EmbeddingCache cache;

  @Inject
  public CacheResource(EmbeddingCache cache) {
    this.cache = cache;
  }

  /** The cache's counts since the service started. */
  public record CacheStats(
      long hits, long misses, double hitRate, long evictions, long entries, long maxEntries) {}

  @GET
  @Path("stats")
  @Operation(summary = "Hits, misses, evictions and size of the embedding cache")
  public CacheStats stats() {
    EmbeddingCache.Stats stats = cache.stats();
    return new CacheStats(
        stats.hits(),
        stats.misses(),
        stats.hitRate(),
        stats.evictions(),
        stats.entries(),
        stats.maxEntries());
  }

  @DELETE
  @Operation(summary = "Empties the embedding cache; its counts stay")
  public CacheStats clear() {
    cache.clear();
    return stats();
  }
}
