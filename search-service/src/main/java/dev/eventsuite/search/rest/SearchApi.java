package dev.eventsuite.search.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the search API. */
public final class SearchApi {

  private SearchApi() {}

  /** A search. */
  public record SearchRequest(
      @Schema(description = "Words or a question", example = "how do I restart the broker")
          @NotBlank
          @Size(max = 1000)
          String query,
      @Schema(description = "Results per page, 1 to 100", defaultValue = "10") @Min(1) @Max(100)
          Integer k,
      @Valid Filter filter,
      @Schema(
              description = "semantic (by meaning), keyword (BM25) or hybrid (both, fused by rank)",
              defaultValue = "hybrid")
          @Pattern(
              regexp = "semantic|keyword|hybrid",
              message = "must be semantic, keyword or hybrid")
          String mode,
      @Schema(description = "How much recency counts against relevance, 0 to 1", defaultValue = "0")
          @DecimalMin("0")
          @DecimalMax("1")
          Double recencyWeight,
      @Schema(description = "Leave out results scoring below this")
          @DecimalMin("0")
          @DecimalMax("1")
          Double minScore,
      @Schema(description = "Only the best chunk of each document", defaultValue = "false")
          Boolean groupByDocument,
      @Schema(description = "The nextCursor of the previous page") @Size(max = 100)
          String cursor) {}

  /** Which chunks may be found; every part given must hold. */
  public record Filter(
      @Schema(description = "A collection (a bucket, by default)") @Size(max = 256)
          String collection,
      @Schema(description = "Any of these categories") @Size(max = 20)
          List<@Size(max = 256) String> category,
      @Schema(description = "A media type, e.g. application/pdf") @Size(max = 256)
          String contentType,
      @Schema(description = "Documents created at or after") Instant createdAfter,
      @Schema(description = "Documents created before") Instant createdBefore,
      @Schema(description = "Metadata keys with the exact value each must have") @Size(max = 20)
          Map<@Size(max = 64) String, @Size(max = 1000) String> metadata) {}

  /** One page of results. */
  public record SearchResponse(
      List<Result> results,
      @Schema(description = "Pass as cursor for the next page; absent on the last")
          String nextCursor,
      String mode,
      @Schema(description = "The model queries are embedded with") String model,
      long tookMs) {}

  /** A chunk found, with how its score was made. */
  public record Result(
      String documentId,
      String chunkId,
      String title,
      String snippet,
      double score,
      Scores scores,
      String category,
      @Schema(description = "bucket/object path, or the posted document's source") String source,
      String collection,
      String contentType,
      Instant createdAt,
      Instant updatedAt,
      Map<String, String> metadata) {}

  /** The parts of a score; they add up to it. */
  public record Scores(double semantic, double keyword, double recency) {}
}
