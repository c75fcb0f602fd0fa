package dev.eventsuite.platform.http;

import dev.eventsuite.events.EventJson;
import dev.eventsuite.platform.config.SuiteConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared length is over the limit with problem+json, before the HTTP
 * layer's own plain 413 and before anything reads the body. JSON bodies, which are read whole, have
 * a smaller limit ({@code suite.http.max-json-body-size}) than streamed ones ({@code
 * quarkus.http.limits.max-body-size}).
 */
@ApplicationScoped
public class BodySizeLimit {

  /** Longer numbers overflow a long: the length is refused as too large. */
  private static final int MAX_LENGTH_DIGITS = 18;

  private final long maxBytes;
  private final long maxJsonBytes;

  public BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      SuiteConfig config) {
    this.maxBytes = maxBodySize.asLongValue();
    this.maxJsonBytes = Math.min(config.http().maxJsonBodySize().asLongValue(), maxBytes);
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null || length.isEmpty() || !length.chars().allMatch(Character::isDigit)) {
      context.next();
      return;
    }
    long limit =
        isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE)) ? maxJsonBytes : maxBytes;
    if (length.length() <= MAX_LENGTH_DIGITS && Long.parseLong(length) <= limit) {
      context.next();
      return;
    }
    Problem problem =
        Problem.of(
                413,
                "too-large",
                "Payload too large",
                "the request body is " + length + " bytes; at most " + limit + " are taken")
            .withInstance(context.request().path());
    context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(EventJson.toJson(problem));
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }
}
