package dev.eventsuite.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Custom methods such as {@code POST /api/v1/features:batchGet} are matched on the raw path, where
 * some clients send the colon percent-encoded ({@code %3A}); such requests are rerouted to the
 * colon form so both reach the same endpoint.
 */
@ApplicationScoped
public class CustomMethodPaths {

  private static final Pattern ENCODED_COLON = Pattern.compile("%3[aA]");

  void register(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              String path = context.request().path();
              if (path.startsWith("/api/") && ENCODED_COLON.matcher(path).find()) {
                String query = context.request().query();
                String decoded = ENCODED_COLON.matcher(path).replaceAll(":");
                context.reroute(query == null ? decoded : decoded + "?" + query);
              } else {
                context.next();
              }
            });
  }
}
