package dev.eventsuite.platform.http;

import dev.eventsuite.events.EventJson;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose URI (path and query) is longer than {@link #MAX_URI_LENGTH} with a 414
 * problem. The HTTP server reads request lines up to {@code
 * quarkus.http.limits.max-initial-line-length} (64 KiB here) and answers a bare 414 beyond that;
 * between the two, the caller gets the problem+json every other error has.
 */
@ApplicationScoped
public class UriLengthLimit {

  /** The longest URI taken: far beyond any path or query the APIs define. */
  public static final int MAX_URI_LENGTH = 8192;

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(UriLengthLimit::check);
  }

  private static void check(RoutingContext context) {
    String uri = context.request().uri();
    if (uri.length() <= MAX_URI_LENGTH) {
      context.next();
      return;
    }
    Problem problem =
        Problem.of(
            414,
            "uri-too-long",
            "URI too long",
            "the request URI is "
                + uri.length()
                + " characters; at most "
                + MAX_URI_LENGTH
                + " are taken");
    context
        .response()
        .setStatusCode(414)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(EventJson.toJson(problem));
  }
}
