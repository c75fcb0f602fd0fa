package dev.eventsuite.embed.rest;

import dev.eventsuite.embed.config.EmbedConfig;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.vectors.embedding.EmbeddingCache;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.embedding.ModelInfo;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Texts in, vectors out: the model the stream uses, through the same cache. */
@Path("/api/v1/embeddings")
@Tag(name = "Embeddings", description = "Texts embedded with the service's model")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class EmbeddingsResource {

  private final EmbeddingModel model;
  private final EmbeddingCache cache;
  private final int maxTexts;
  private final int maxTextChars;

  @Inject
  public EmbeddingsResource(EmbeddingModel model, EmbeddingCache cache, EmbedConfig config) {
    this.model = model;
    this.cache = cache;
    this.maxTexts = config.maxTexts();
    this.maxTextChars = config.maxTextChars();
  }

  /** Texts to embed. */
  public record EmbeddingRequest(List<String> texts) {}

  /**
   * The texts' embeddings, in order.
   *
   * @param model the model's id and version
   * @param dimension the vectors' length
   * @param vectors one unit-length vector per text
   */
  public record Embeddings(String model, int dimension, List<float[]> vectors) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Embeds texts with the model the vector store is built with")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "two sentences",
                      value = "{\"texts\":[\"A man is playing a guitar.\",\"The market fell.\"]}")))
  public Embeddings embed(@NotNull EmbeddingRequest request) {
    List<String> texts = request.texts();
    if (texts == null || texts.isEmpty()) {
      throw ProblemException.badRequest("invalid-request", "texts must hold at least one text");
    }
    if (texts.size() > maxTexts) {
      throw ProblemException.tooLarge(
          "at most " + maxTexts + " texts per request; this one has " + texts.size());
    }
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null || text.isBlank()) {
        throw ProblemException.badRequest("invalid-request", "texts[" + i + "] is empty");
      }
      if (text.length() > maxTextChars) {
        throw ProblemException.tooLarge(
            "texts[" + i + "] has " + text.length() + " characters; at most " + maxTextChars);
      }
    }
    ModelInfo info = model.info();
    return new Embeddings(info.key(), info.dimension(), cache.embed(model, texts));
  }
}
