package dev.eventsuite.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.eventsuite.events.InvalidEventException;
import dev.eventsuite.platform.store.StoreUnavailableException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Translates every error, once, into {@code application/problem+json}. Internal details never reach
 * the caller: unexpected errors are logged with a reference the response repeats.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** How soon to ask again when a store is unavailable. */
  private static final int STORE_RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response response = respond(e.problem(), uri);
    e.retryAfter()
        .ifPresent(
            wait ->
                response
                    .getHeaders()
                    .putSingle(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
    return response;
  }

  @ServerExceptionMapper
  public Response invalidEvent(InvalidEventException e, UriInfo uri) {
    return respond(Problem.of(400, "invalid-event", "Invalid event", e.getMessage()), uri);
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return respond(
        Problem.of(400, "validation", "Invalid request", detail).withErrors(errors), uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    return respond(
        Problem.of(
            400,
            "malformed-json",
            "Malformed JSON",
            "the request body is not valid: " + e.getOriginalMessage()),
        uri);
  }

  /**
   * A body that is JSON but not of the request's shape: a field of the wrong type or one the
   * request does not have, or an array where an object belongs. The framework's own answer is a
   * bare 400.
   */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    String field =
        e.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
            .orElse("");
    if (field.isEmpty()) {
      return respond(
          Problem.of(
              400,
              "malformed-json",
              "Malformed JSON",
              "the request body must be a JSON " + shapeOf(e.getTargetType())),
          uri);
    }
    String message =
        e instanceof UnrecognizedPropertyException unknown
            ? "is not a field of this request; its fields are "
                + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()
            : "must be " + kindOf(e.getTargetType());
    return respond(
        Problem.of(400, "validation", "Invalid request", field + ": " + message)
            .withErrors(List.of(new Problem.FieldError(field, message))),
        uri);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof MismatchedInputException mismatched) {
      return mismatchedJson(mismatched, uri);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      // The framework reports an unreadable body as a bare 400; say what is wrong with it.
      return malformedJson(json, uri);
    }
    int code = e.getResponse().getStatus();
    if ((code == 404 || code == 400)
        && e.getCause() != null
        && !(e.getCause() instanceof WebApplicationException)) {
      // A query, path or header parameter that does not convert to its type: the specification
      // wants a 404 for the first two, which would tell the caller the resource does not exist.
      return respond(
          Problem.of(
              400,
              "invalid-parameter",
              "Invalid parameter",
              "a parameter is not of its type: " + e.getCause().getMessage()),
          uri);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getStatusCode() >= 500) {
      return unexpected(e, uri);
    }
    String kind = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return respond(
        Problem.of(status.getStatusCode(), kind, status.getReasonPhrase(), e.getMessage()), uri);
  }

  @ServerExceptionMapper
  public Response storeUnavailable(StoreUnavailableException e, UriInfo uri) {
    LOG.warnf("answering %s with 503: %s", uri.getPath(), e.getMessage());
    Response response =
        respond(
            Problem.of(
                503,
                "store-unavailable",
                "Store unavailable",
                "the service's store cannot be used right now; try again shortly"),
            uri);
    response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS);
    return response;
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected error answering %s (reference %s)", uri.getPath(), reference);
    return respond(
        Problem.of(500, "internal", "Internal error", "the request failed; reference " + reference),
        uri);
  }

  /** What a JSON value of the given type is, in a caller's words. */
  private static String kindOf(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 time, e.g. 2025-01-01T00:00:00Z";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a JSON " + shapeOf(type);
  }

  private static String shapeOf(Class<?> type) {
    return type != null && (type.isArray() || java.util.Collection.class.isAssignableFrom(type))
        ? "array"
        : "object";
  }

  public static Response respond(Problem problem, UriInfo uri) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.withInstance("/" + uri.getPath().replaceFirst("^/", "")))
        .build();
  }

  /**
   * The invalid field as the caller named it: the property path without the method and its
   * argument.
   */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    return parts.length > 2
        ? String.join(".", List.of(parts).subList(2, parts.length))
        : parts[parts.length - 1];
  }
}
