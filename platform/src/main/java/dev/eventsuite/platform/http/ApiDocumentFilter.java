package dev.eventsuite.platform.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every service's OpenAPI document with what the suite does the same way everywhere: the
 * two ways to authenticate (the API key and a bearer access token), a server to call (the service
 * itself, so Swagger UI's "Try it out" works), and the problem+json answers each operation can
 * give, with their schema.
 */
public class ApiDocumentFilter implements OASFilter {

  /**
   * The security scheme of the API key, which operations name with {@code @SecurityRequirement}.
   */
  public static final String API_KEY = "api-key";

  /** The security scheme of bearer access tokens (JWT). */
  public static final String BEARER = "bearer";

  private static final String PROBLEM = "Problem";

  private static final Map<String, String> AUTH_ANSWERS =
      Map.of(
          "401", "No valid API key or access token (`urn:eventsuite:problem:unauthorized`)",
          "403", "The key or token may not do this (`urn:eventsuite:problem:forbidden`)");

  /** What each problem answer looks like, as the services write it. */
  private static final Map<String, Problem> EXAMPLES =
      Map.of(
          "400",
          Problem.of(400, "validation", "Invalid request", "k: must be greater than or equal to 1")
              .withErrors(
                  List.of(new Problem.FieldError("k", "must be greater than or equal to 1"))),
          "401",
          Problem.of(
              401,
              "unauthorized",
              "Unauthorized",
              "send the API key as 'X-API-Key: <key>', 'Authorization: Bearer <key>' or as the"
                  + " password of HTTP Basic credentials"),
          "403",
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              "this token may not write collection 'reports'; it may write inbox"),
          "404",
          Problem.of(404, "not-found", "Not found", "no entity 'pump-9' has been seen"),
          "500",
          Problem.of(
              500,
              "internal",
              "Internal error",
              "the request failed; reference 0b9e4b8e-4f0c-4d55-9d0a-2f6f3c1f7a15"),
          "503",
          Problem.of(
              503,
              "store-unavailable",
              "Store unavailable",
              "the service's store cannot be used right now; try again shortly"));

  private static final String INVALID_REQUEST =
      "The request is not valid: `validation` (with `errors` per field), `malformed-json`,"
          + " `invalid-parameter` or another `urn:eventsuite:problem:` type naming the cause";

  private static final String INTERNAL_ERROR =
      "An unexpected error; the detail gives a reference to find it in the service's log"
          + " (`urn:eventsuite:problem:internal`)";

  private static final String UNAVAILABLE =
      "A store or the state needed is not available yet (`store-unavailable`, `loading`);"
          + " try again after `Retry-After` seconds";

  @Override
  public void filterOpenAPI(OpenAPI document) {
    Components components = document.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      document.setComponents(components);
    }
    components.addSecurityScheme(
        API_KEY,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name(ApiKeyFilter.API_KEY_HEADER)
            .description(
                "The suite's API key (`.data/api-key` locally, the `suite-api-key` secret on"
                    + " Kubernetes); administrative operations take the admin key where one is"
                    + " set."));
    components.addSecurityScheme(
        BEARER,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "An access token of the configured identity provider, whose `scope` grants"
                    + " `read:<collection>`, `write:<collection>` or `admin`."));
    components.addSchema(PROBLEM, problemSchema());
    if (document.getServers() == null || document.getServers().isEmpty()) {
      document.addServer(
          OASFactory.createServer().url("/").description("this service, where it is reached"));
    }
    if (document.getPaths() == null) {
      return;
    }
    document
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .values()
                    .forEach(operation -> completeAnswers(path, operation)));
  }

  /**
   * A property described by {@code @Schema} keeps the type of what it refers to beside its {@code
   * $ref} (an {@code Instant} comes out as {@code type: string} and a reference); the reference
   * alone says it, and client generators drop the type with a warning.
   */
  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getRef() != null && schema.getType() != null) {
      schema.setType(null);
    }
    return schema;
  }

  private static void completeAnswers(String path, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (!secured) {
      // Said outright: this operation takes no credentials.
      operation.setSecurity(List.of());
    }
    // Answers an operation declares itself, with only a description: the same problem body.
    if (responses.getAPIResponses() != null) {
      responses
          .getAPIResponses()
          .forEach(
              (status, answer) -> {
                boolean empty =
                    answer.getContent() == null || answer.getContent().getMediaTypes().isEmpty();
                if (status.compareTo("400") >= 0 && EXAMPLES.containsKey(status) && empty) {
                  answer.setContent(problemContent(path, status));
                }
              });
    }
    boolean takesInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      addProblem(responses, path, "400", INVALID_REQUEST);
    }
    if (secured) {
      AUTH_ANSWERS.forEach((status, text) -> addProblem(responses, path, status, text));
    }
    addProblem(responses, path, "500", INTERNAL_ERROR);
    addProblem(responses, path, "503", UNAVAILABLE);
  }

  private static void addProblem(
      APIResponses responses, String path, String status, String description) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(
        status,
        OASFactory.createAPIResponse()
            .description(description)
            .content(problemContent(path, status)));
  }

  private static Content problemContent(String path, String status) {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))
                .example(example(EXAMPLES.get(status).withInstance(path))));
  }

  /** A problem as its JSON object, for the document's {@code example}. */
  private static Map<String, Object> example(Problem problem) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", problem.type());
    example.put("title", problem.title());
    example.put("status", problem.status());
    example.put("detail", problem.detail());
    example.put("instance", problem.instance());
    if (problem.errors() != null) {
      example.put(
          "errors",
          problem.errors().stream()
              .map(error -> Map.of("field", error.field(), "message", error.message()))
              .toList());
    }
    return example;
  }

  private static Schema problemSchema() {
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .addProperty(
                "field",
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .description("the field, e.g. `filter.collection` or `[3]`"))
            .addProperty(
                "message",
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .description("what is wrong with it"));
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("An error, as RFC 9457 problem details")
        .required(List.of("type", "title", "status"))
        .addProperty(
            "type",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("the kind of problem, stable: `urn:eventsuite:problem:<kind>`")
                .example("urn:eventsuite:problem:validation"))
        .addProperty(
            "title",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("a short summary of the kind")
                .example("Bad request"))
        .addProperty(
            "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(400))
        .addProperty(
            "detail",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("what went wrong this time")
                .example("k must be between 1 and 100"))
        .addProperty(
            "instance",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("the request's path")
                .example("/api/v1/search"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .items(fieldError)
                .description("one entry per invalid field, for `validation` problems"));
  }
}
