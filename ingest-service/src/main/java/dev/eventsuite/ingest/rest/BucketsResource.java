package dev.eventsuite.ingest.rest;

import dev.eventsuite.events.object.ObjectChange;
import dev.eventsuite.ingest.domain.InvalidObjectNameException;
import dev.eventsuite.ingest.domain.ObjectNames;
import dev.eventsuite.ingest.service.ObjectEvents;
import dev.eventsuite.ingest.store.LocalObjectStore;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.ingest.store.StoredObject;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.CurrentCaller;
import dev.eventsuite.platform.http.Problem;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads, deletes and lists the objects of a bucket. Uploads stream through to the store; for
 * local buckets the service announces the change on {@code object-events} itself, as OCI Events
 * does for a real bucket.
 */
@Path("/api/v1/buckets")
@Tag(name = "Buckets", description = "Objects in the local buckets: upload, list, download, delete")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class BucketsResource {

  private static final String USER_METADATA_PREFIX = "opc-meta-";

  private final ObjectStore store;
  private final ObjectEvents objectEvents;
  private final CurrentCaller caller;

  @Inject
  public BucketsResource(ObjectStore store, ObjectEvents objectEvents, CurrentCaller caller) {
    this.store = store;
    this.objectEvents = objectEvents;
    this.caller = caller;
  }

  /** The buckets. */
  public record Buckets(List<String> buckets) {}

  /**
   * A page of a bucket's objects; {@code next} is where the next page starts, null after the last.
   */
  public record Listing(List<ObjectView> objects, String next) {}

  @GET
  @Operation(summary = "The local buckets")
  public Buckets buckets() throws IOException {
    if (!(store instanceof LocalObjectStore local)) {
      throw new ProblemException(
          Problem.of(
              501,
              "not-implemented",
              "Not implemented",
              "buckets are listed for local buckets only; OCI buckets are managed in OCI"));
    }
    if (!Files.isDirectory(local.root())) {
      return new Buckets(List.of());
    }
    try (Stream<java.nio.file.Path> folders = Files.list(local.root())) {
      return new Buckets(
          folders
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.startsWith("."))
              .filter(caller.get()::canRead)
              .sorted()
              .toList());
    }
  }

  @GET
  @Path("{bucket}/objects")
  @Operation(summary = "The objects of a bucket, by name")
  public Listing list(
      @PathParam("bucket") String bucket,
      @QueryParam("prefix") String prefix,
      @QueryParam("start") String start,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit)
      throws IOException {
    caller.get().requireRead(safeBucket(bucket));
    List<StoredObject> objects = store.list(bucket, prefix, start, limit);
    String next = objects.size() == limit ? objects.get(objects.size() - 1).name() : null;
    return new Listing(objects.stream().map(ObjectView::of).toList(), next);
  }

  @GET
  @Path("{bucket}/objects/{name: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Downloads an object as it was uploaded, with its Content-Type and ETag")
  @APIResponse(
      responseCode = "200",
      description = "The object's bytes",
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", description = "No such object")
  public Response get(@PathParam("bucket") String bucket, @PathParam("name") String name)
      throws IOException {
    caller.get().requireRead(safeBucket(bucket));
    safeName(name);
    StoredObject object = existing(bucket, name);
    StreamingOutput bytes =
        out -> {
          try (InputStream in = store.open(object)) {
            in.transferTo(out);
          }
        };
    // What a user uploaded is handed back as data, never run as a page of this service's origin.
    return Response.ok(
            bytes,
            object.contentType() != null
                ? object.contentType()
                : MediaType.APPLICATION_OCTET_STREAM)
        .tag(object.eTag())
        .header(HttpHeaders.CONTENT_LENGTH, object.size())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("Content-Disposition", "attachment")
        .build();
  }

  @PUT
  @Path("{bucket}/objects/{name: .+}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Uploads an object, streaming; opc-meta-* headers become its user metadata")
  @APIResponse(
      responseCode = "200",
      description = "The object replaced one of the same name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ObjectView.class)))
  @APIResponse(
      responseCode = "201",
      description = "The object is new; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ObjectView.class)))
  public Response put(
      @PathParam("bucket") String bucket,
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream content)
      throws IOException {
    caller.get().requireWrite(safeBucket(bucket));
    safeName(name);
    boolean existed = store.head(bucket, name).isPresent();
    StoredObject stored =
        store.put(
            bucket,
            name,
            content,
            contentLength == null ? -1 : contentLength,
            contentType,
            userMetadata(headers));
    if (!store.reportsChanges()) {
      objectEvents.announce(
          stored, existed ? ObjectChange.UPDATED : ObjectChange.CREATED, Instant.now());
    }
    return (existed ? Response.ok() : Response.created(uri.getRequestUri()))
        .entity(ObjectView.of(stored))
        .build();
  }

  @DELETE
  @Path("{bucket}/objects/{name: .+}")
  @Operation(summary = "Deletes an object; its document leaves the search index")
  @APIResponse(responseCode = "204", description = "The object is deleted")
  public Response delete(@PathParam("bucket") String bucket, @PathParam("name") String name)
      throws IOException {
    caller.get().requireWrite(safeBucket(bucket));
    safeName(name);
    StoredObject last = existing(bucket, name);
    store.delete(bucket, name);
    if (!store.reportsChanges()) {
      objectEvents.announce(last, ObjectChange.DELETED, Instant.now());
    }
    return Response.noContent().build();
  }

  private static Map<String, String> userMetadata(HttpHeaders headers) {
    Map<String, String> metadata = new TreeMap<>();
    headers
        .getRequestHeaders()
        .forEach(
            (header, values) -> {
              String lower = header.toLowerCase(Locale.ROOT);
              if (lower.startsWith(USER_METADATA_PREFIX) && !values.isEmpty()) {
                metadata.put(lower.substring(USER_METADATA_PREFIX.length()), values.get(0));
              }
            });
    return metadata;
  }

  /** The object, or 404. */
  private StoredObject existing(String bucket, String name) throws IOException {
    return store
        .head(bucket, name)
        .orElseThrow(
            () -> ProblemException.notFound("no object '" + name + "' in bucket '" + bucket + "'"));
  }

  private static String safeBucket(String bucket) {
    try {
      return ObjectNames.requireSafeBucket(bucket);
    } catch (InvalidObjectNameException e) {
      throw ProblemException.badRequest("invalid-name", e.getMessage());
    }
  }

  private static void safeName(String name) {
    try {
      ObjectNames.requireSafe(name);
    } catch (InvalidObjectNameException e) {
      throw ProblemException.badRequest("invalid-name", e.getMessage());
    }
  }
}
