package dev.eventsuite.platform.http;

import dev.eventsuite.platform.config.SuiteConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link ApiKeyRequired}: 401 without a valid key or token, 403 with too little access.
 * The key is read from {@code X-API-Key}, {@code Authorization: Bearer}, or the password of {@code
 * Authorization: Basic}; a bearer credential shaped as a JWT is verified as an access token when
 * tokens are configured ({@link BearerTokens}). The caller found is {@link CurrentCaller}'s.
 */
public class ApiKeyFilter {

  /** The request property naming the caller's access, for rate limits and audit. */
  public static final String CALLER = "suite.caller";

  static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";
  private static final String BASIC = "Basic ";

  private final SuiteConfig config;
  private final BearerTokens tokens;
  private final CurrentCaller current;

  @Inject
  public ApiKeyFilter(SuiteConfig config, BearerTokens tokens, CurrentCaller current) {
    this.config = config;
    this.tokens = tokens;
    this.current = current;
  }

  @ServerRequestFilter
  public Optional<Response> check(
      ContainerRequestContext request, ResourceInfo resource, UriInfo uri) {
    ApiKeyRequired required = requirement(resource);
    if (required == null) {
      return Optional.empty();
    }
    String presented = presentedKey(request);
    if (presented == null) {
      return Optional.of(
          unauthorized(
              uri,
              required,
              "send the API key as 'X-API-Key: <key>', 'Authorization: Bearer <key>' or as the"
                  + " password of HTTP Basic credentials"));
    }
    Caller caller;
    try {
      caller = caller(presented);
    } catch (BearerTokens.InvalidToken e) {
      return Optional.of(unauthorized(uri, required, e.getMessage()));
    }
    if (caller == null) {
      return Optional.of(unauthorized(uri, required, "the key is not valid"));
    }
    boolean adminRequired = required.value() == ApiKeyRequired.Access.ADMIN;
    boolean adminKeyConfigured = config.adminKey().isPresent();
    if (adminRequired && !caller.admin() && (adminKeyConfigured || caller != Caller.API_KEY)) {
      return Optional.of(
          ProblemMappers.respond(
              ProblemException.forbidden(
                      "this operation needs the admin key or a token with the admin permission")
                  .problem(),
              uri));
    }
    current.set(caller);
    request.setProperty(CALLER, caller.admin() ? "admin" : "user");
    return Optional.empty();
  }

  /** The caller a key or token stands for; null for a key that is none of the suite's. */
  private Caller caller(String presented) {
    if (config.adminKey().map(key -> matches(presented, key)).orElse(false)) {
      return Caller.ADMIN_KEY;
    }
    if (config.apiKey().map(key -> matches(presented, key)).orElse(false)) {
      return Caller.API_KEY;
    }
    if (tokens.enabled() && BearerTokens.looksLikeJwt(presented)) {
      return tokens.verify(presented);
    }
    return null;
  }

  private static ApiKeyRequired requirement(ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    ApiKeyRequired onMethod = resource.getResourceMethod().getAnnotation(ApiKeyRequired.class);
    return onMethod != null
        ? onMethod
        : resource.getResourceClass().getAnnotation(ApiKeyRequired.class);
  }

  private static String presentedKey(ContainerRequestContext request) {
    String header = request.getHeaderString(API_KEY_HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      return null;
    }
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = authorization.substring(BEARER.length()).trim();
      return token.isEmpty() ? null : token;
    }
    if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return basicPassword(authorization.substring(BASIC.length()).trim());
    }
    return null;
  }

  /**
   * The password of HTTP Basic credentials, whatever the user name: OCI Notifications can
   * authenticate to an HTTPS subscription in no other way.
   */
  private static String basicPassword(String encoded) {
    try {
      String credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 || colon == credentials.length() - 1
          ? null
          : credentials.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Compares in constant time, so response times do not reveal how much of a key matched. */
  private static boolean matches(String presented, String expected) {
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Response unauthorized(UriInfo uri, ApiKeyRequired required, String detail) {
    Response problem =
        ProblemMappers.respond(Problem.of(401, "unauthorized", "Unauthorized", detail), uri);
    Response.ResponseBuilder response =
        Response.fromResponse(problem)
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"eventsuite\"");
    if (required.basicChallenge()) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eventsuite\"");
    }
    return response.build();
  }
}
