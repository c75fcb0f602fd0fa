package dev.eventsuite.platform.http;

/**
 * Ends a request with a problem response; thrown by resources and services at the edge. It is an
 * answer, not a fault, so it records no stack trace.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String kind, String detail) {
    return new ProblemException(Problem.of(400, kind, "Bad request", detail));
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
}
