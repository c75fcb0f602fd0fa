package dev.eventsuite.ingest.rest;

import dev.eventsuite.events.CloudEvent;
import dev.eventsuite.events.ContentHash;
import dev.eventsuite.events.EventIds;
import dev.eventsuite.events.document.DocumentIds;
import dev.eventsuite.events.document.DocumentMetadata;
import dev.eventsuite.events.document.DocumentRemoved;
import dev.eventsuite.events.document.DocumentSectionExtracted;
import dev.eventsuite.ingest.domain.document.SectionSplitter;
import dev.eventsuite.platform.config.SuiteConfig;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.CurrentCaller;
import dev.eventsuite.platform.http.ProblemException;
import dev.eventsuite.platform.kafka.EventPublisher;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents posted as text, for callers that have no file: they go straight onto {@code documents}.
 */
@Path("/api/v1/documents")
@Tag(name = "Documents", description = "Documents posted directly, without a bucket")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

  /** The longest text one posted document may have, in characters. */
  static final int MAX_TEXT = 10_000_000;

  private static final String DEFAULT_COLLECTION = "documents";
  private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";

  private final EventPublisher publisher;
  private final String documentsTopic;
  private final SectionSplitter splitter = new SectionSplitter();

  private final CurrentCaller caller;

  @Inject
  public DocumentsResource(EventPublisher publisher, SuiteConfig suite, CurrentCaller caller) {
    this.caller = caller;
    this.publisher = publisher;
    this.documentsTopic = suite.topics().documents();
  }

  /**
   * A document to index.
   *
   * @param id the document's id; by default derived from collection and source, so posting the same
   *     source again replaces the document
   * @param source where the document comes from (a URL, a path); by default its title
   */
  public record PostedDocument(
      @Pattern(regexp = ID_PATTERN) String id,
      @Size(max = 1000) String title,
      @NotBlank @Size(max = MAX_TEXT) String text,
      @Pattern(regexp = ID_PATTERN) String collection,
      @Size(max = 200) String category,
      @Size(max = 2000) String source,
      @Size(max = 200) String contentType,
      Map<String, String> metadata,
      Map<String, String> tags) {}

  /** What was accepted. */
  public record Accepted(String documentId, String version, int sections) {}

  /** Which document's removal was accepted. */
  public record RemovalAccepted(String documentId) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Indexes a document given as text; posting it again replaces it")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "a note",
                      value =
                          "{\"title\":\"Runbook\",\"text\":\"# Restart\\n\\nRun bin/suite down, then up.\",\"category\":\"ops\"}")))
  @APIResponse(
      responseCode = "202",
      description = "The document's sections are on the documents stream",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Accepted.class)))
  public Response post(@Valid @NotNull PostedDocument document) {
    String collection = document.collection() != null ? document.collection() : DEFAULT_COLLECTION;
    caller.get().requireWrite(collection);
    String title = document.title() != null ? document.title() : firstLine(document.text());
    String source = document.source() != null ? document.source() : title;
    String documentId =
        document.id() != null ? document.id() : DocumentIds.ofPosted(collection, source);
    String version = ContentHash.of(document.text());
    Instant now = Instant.now();
    DocumentMetadata metadata =
        new DocumentMetadata(
            collection,
            source,
            null,
            null,
            null,
            document.contentType() != null ? document.contentType() : "text/plain",
            (long) document.text().length(),
            title,
            document.category(),
            now,
            now,
            document.metadata(),
            document.tags());
    List<String> sections = splitter.split(document.text());
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      DocumentSectionExtracted section =
          new DocumentSectionExtracted(
              documentId, version, i, sections.size(), sections.get(i), metadata);
      sends.add(
          publisher.publish(
              documentsTopic,
              documentId,
              section,
              new CloudEvent(
                  EventIds.of(DocumentSectionExtracted.TYPE, documentId, version, i),
                  DocumentSectionExtracted.TYPE,
                  publisher.source(),
                  now,
                  documentId)));
    }
    await(sends);
    return Response.accepted(new Accepted(documentId, version, sections.size())).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Removes a document and all its chunks from the search index")
  @APIResponse(
      responseCode = "202",
      description = "The removal is on the documents stream",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RemovalAccepted.class)))
  public Response delete(@PathParam("id") @Pattern(regexp = ID_PATTERN) String id) {
    if (!caller.get().writesEverything()) {
      // The id does not say which collection the document is in.
      throw ProblemException.forbidden(
          "removing a posted document by id needs write on every collection (write:*)");
    }
    DocumentRemoved removal = new DocumentRemoved(id, null, Instant.now());
    await(
        List.of(
            publisher.publish(
                documentsTopic, id, removal, removal.cloudEvent(publisher.source()))));
    return Response.accepted(new RemovalAccepted(id)).build();
  }

  private static void await(List<CompletableFuture<?>> sends) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the broker did not store the document: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
    return line.length() > 120 ? line.substring(0, 120) : line;
  }
}
