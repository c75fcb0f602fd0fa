package dev.eventsuite.platform.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends a request with a problem response; thrown by resources and services at the edge. It is an
 * answer, not a fault, so it records no stack trace.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How soon to ask again while state loads: a reload takes seconds. */
  private static final Duration LOADING_RETRY_AFTER = Duration.ofSeconds(2);

  private final transient Problem problem;
  private final transient Duration retryAfter;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

  private ProblemException(Problem problem, Duration retryAfter) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  public Problem problem() {
    return problem;
  }

  /** When to ask again ({@code Retry-After}), when the answer will change by then. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public static ProblemException badRequest(String kind, String detail) {
    return new ProblemException(Problem.of(400, kind, "Bad request", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
  }

  public static ProblemException tooLarge(String detail) {
    return new ProblemException(Problem.of(413, "too-large", "Payload too large", detail));
  }

  public static ProblemException unavailable(String detail) {
    return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail));
  }

  /**
   * The service is rebuilding the state that would answer (a restart or rebalance reloading its
   * partitions, which replays at most a checkpoint interval of records): ask again in a moment.
   */
  public static ProblemException loading(String detail) {
    return new ProblemException(
        Problem.of(503, "loading", "State still loading", detail), LOADING_RETRY_AFTER);
  }
}
