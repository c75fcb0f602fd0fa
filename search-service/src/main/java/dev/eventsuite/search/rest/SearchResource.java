package dev.eventsuite.search.rest;

import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.Caller;
import dev.eventsuite.platform.http.CurrentCaller;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.search.config.SearchConfig;
import dev.eventsuite.search.domain.Cursor;
import dev.eventsuite.search.domain.Mode;
import dev.eventsuite.search.domain.Ranking;
import dev.eventsuite.search.domain.Snippets;
import dev.eventsuite.search.rest.SearchApi.Filter;
import dev.eventsuite.search.rest.SearchApi.Result;
import dev.eventsuite.search.rest.SearchApi.Scores;
import dev.eventsuite.search.rest.SearchApi.SearchRequest;
import dev.eventsuite.search.rest.SearchApi.SearchResponse;
import dev.eventsuite.search.service.SearchQuery;
import dev.eventsuite.search.service.SearchService;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.StoredChunk;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Top-k search over the chunks: semantic, keyword or hybrid, with filters and recency. */
@Path("/api/v1/search")
@Tag(name = "Search", description = "Semantic, keyword and hybrid search over document chunks")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final SearchService search;
  private final EmbeddingModel model;
  private final SearchConfig config;

  private final CurrentCaller caller;

  @Inject
  public SearchResource(
      SearchService search, EmbeddingModel model, SearchConfig config, CurrentCaller caller) {
    this.search = search;
    this.model = model;
    this.config = config;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Searches the chunks; results say how semantic, keyword and recency scored")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "hybrid, filtered",
                    value =
                        "{\"query\":\"how do I restart the broker\",\"k\":5,\"mode\":\"hybrid\","
                            + "\"filter\":{\"collection\":\"docs\",\"category\":[\"runbooks\"],"
                            + "\"createdAfter\":\"2025-01-01T00:00:00Z\",\"metadata\":{\"owner\":\"ops\"}},"
                            + "\"recencyWeight\":0.2,\"groupByDocument\":true}"),
                @ExampleObject(
                    name = "by meaning",
                    value = "{\"query\":\"broker restarts\",\"mode\":\"semantic\"}")
              }))
  public SearchResponse post(@Valid @NotNull SearchRequest request) {
    return run(request);
  }

  @GET
  @Operation(summary = "Searches the chunks, for quick use from a browser or curl")
  public SearchResponse get(
      @Parameter(description = "Words or a question", required = true)
          @QueryParam("q")
          @NotBlank
          @Size(max = 1000)
          String q,
      @Parameter(description = "Results, 1 to 100") @QueryParam("k") @Min(1) @Max(100) Integer k,
      @Parameter(description = "Categories, any of them") @QueryParam("category")
          List<String> category,
      @Parameter(description = "A collection") @QueryParam("collection") @Size(max = 256)
          String collection,
      @Parameter(description = "semantic, keyword or hybrid")
          @QueryParam("mode")
          @Pattern(
              regexp = "semantic|keyword|hybrid",
              message = "must be semantic, keyword or hybrid")
          String mode,
      @Parameter(description = "The nextCursor of the previous page")
          @QueryParam("cursor")
          @Size(max = 100)
          String cursor) {
    Filter filter =
        new Filter(
            collection,
            category == null || category.isEmpty() ? null : category,
            null,
            null,
            null,
            null);
    return run(new SearchRequest(q, k, filter, mode, null, null, null, cursor));
  }

  private SearchResponse run(SearchRequest request) {
    long started = System.nanoTime();
    SearchQuery first = query(request, 0);
    SearchQuery query = first;
    if (request.cursor() != null) {
      try {
        query = query(request, Cursor.decode(request.cursor(), first.fingerprint()).offset());
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("invalid-cursor", e.getMessage());
      }
    }
    SearchService.Page page = search.search(query);
    List<Result> results = page.results().stream().map(f -> result(f, request.query())).toList();
    String next =
        page.nextOffset() == null
            ? null
            : new Cursor(page.nextOffset(), first.fingerprint()).encode();
    return new SearchResponse(
        results,
        next,
        query.mode().id(),
        model.info().key(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * A caller allowed only some collections (a token's permissions) must name one it may read: the
   * search is then confined to it.
   */
  private void checkReadable(String collection) {
    Caller who = caller.get();
    if (collection == null && !who.readsEverything()) {
      throw ProblemException.forbidden(
          "this token may read only some collections: name one in filter.collection"
              + who.readableList());
    }
    if (collection != null) {
      who.requireRead(collection);
    }
  }

  /** A time a filter can compare: indexes keep times as epoch milliseconds. */
  private static void checkInRange(String field, Instant time) {
    if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
      throw ProblemException.badRequest(
          "invalid-filter", field + " must be between the years 0 and 9999, not " + time);
    }
  }

  private SearchQuery query(SearchRequest request, int offset) {
    Filter filter = request.filter();
    ChunkFilter chunks;
    try {
      chunks =
          filter == null
              ? ChunkFilter.NONE
              : new ChunkFilter(
                  filter.collection(),
                  filter.category(),
                  filter.contentType(),
                  filter.createdAfter(),
                  filter.createdBefore(),
                  filter.metadata());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-filter", "filter.metadata: " + e.getMessage());
    }
    checkReadable(chunks.collection());
    checkInRange("filter.createdAfter", chunks.createdAfter());
    checkInRange("filter.createdBefore", chunks.createdBefore());
    if (chunks.createdAfter() != null
        && chunks.createdBefore() != null
        && !chunks.createdAfter().isBefore(chunks.createdBefore())) {
      throw ProblemException.badRequest(
          "invalid-filter", "filter.createdAfter must be before filter.createdBefore");
    }
    return new SearchQuery(
        request.query().strip(),
        request.k() != null ? request.k() : config.defaultK(),
        chunks,
        request.mode() != null ? Mode.of(request.mode()) : Mode.HYBRID,
        request.recencyWeight() != null ? request.recencyWeight() : 0,
        request.minScore(),
        Boolean.TRUE.equals(request.groupByDocument()),
        offset);
  }

  private Result result(SearchService.Found found, String query) {
    Ranking.Ranked ranked = found.ranked();
    StoredChunk chunk = found.chunk();
    return new Result(
        chunk.documentId(),
        chunk.chunkId(),
        chunk.title(),
        Snippets.of(chunk.text(), query, config.snippetChars()),
        ranked.score(),
        new Scores(ranked.semantic(), ranked.keyword(), ranked.recency()),
        chunk.category(),
        chunk.source(),
        chunk.collection(),
        chunk.contentType(),
        chunk.createdAt(),
        chunk.updatedAt(),
        chunk.metadata());
  }
}
