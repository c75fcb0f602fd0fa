package dev.eventsuite.platform.http;

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
                item.getOperations().values().forEach(ApiDocumentFilter::completeAnswers));
  }

  private static void completeAnswers(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (!secured) {
      // Said outright: this operation takes no credentials.
      operation.setSecurity(List.of());
    }
    boolean takesInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      addProblem(responses, "400", INVALID_REQUEST);
    }
    if (secured) {
      AUTH_ANSWERS.forEach((status, text) -> addProblem(responses, status, text));
    }
    addProblem(responses, "500", INTERNAL_ERROR);
    addProblem(responses, "503", UNAVAILABLE);
  }

  private static void addProblem(APIResponses responses, String status, String description) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    Content content =
        OASFactory.createContent()
            .addMediaType(
                Problem.MEDIA_TYPE,
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
    responses.addAPIResponse(
        status, OASFactory.createAPIResponse().description(description).content(content));
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
