package dev.eventsuite.search.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventsuite.platform.http.ApiKeyFilter;
import dev.eventsuite.platform.http.Problem;
import dev.eventsuite.platform.http.ProblemMappers;
import dev.eventsuite.search.config.SearchConfig;
import dev.eventsuite.search.domain.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits each key's requests to the API (after the key was checked): 429 problem+json with {@code
 * Retry-After} when its bucket is empty.
 */
public class RateLimitFilter {

  private final Cache<String, TokenBucket> buckets =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();
  private final double perSecond;
  private final int burst;
  private final Counter limited;

  @Inject
  public RateLimitFilter(SearchConfig config, MeterRegistry registry) {
    this.perSecond = config.rateLimit().requestsPerSecond();
    this.burst = config.rateLimit().burst();
    this.limited = registry.counter("suite.search.rate.limited");
  }

  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Optional<Response> limit(ContainerRequestContext request, UriInfo uri) {
    Object caller = request.getProperty(ApiKeyFilter.CALLER);
    if (caller == null) {
      return Optional.empty();
    }
    Duration wait =
        buckets
            .get(caller.toString(), key -> new TokenBucket(perSecond, burst, System::nanoTime))
            .take();
    if (wait.isZero()) {
      return Optional.empty();
    }
    limited.increment();
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Response problem =
        ProblemMappers.respond(
            Problem.of(
                429,
                "rate-limited",
                "Too many requests",
                "this key may send "
                    + BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString()
                    + " requests per second; try again in "
                    + seconds
                    + " s"),
            uri);
    return Optional.of(
        Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build());
  }
}
