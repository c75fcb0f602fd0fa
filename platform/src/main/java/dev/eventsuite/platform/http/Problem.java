package dev.eventsuite.platform.http;

import java.util.List;

/**
 * An error response body, {@code application/problem+json} (RFC 9457).
 *
 * @param type a stable URN naming the kind of problem, e.g. {@code
 *     urn:eventsuite:problem:validation}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, for the caller to act on
 * @param instance the request path
 * @param errors one entry per invalid field, for validation problems
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:eventsuite:problem:";

  /** A problem of the given kind; {@code kind} is the last part of the type URN. */
  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(TYPE_PREFIX + kind, title, status, detail, null, null);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
  }

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}
}
