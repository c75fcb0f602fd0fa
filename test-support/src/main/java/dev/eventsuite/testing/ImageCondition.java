package dev.eventsuite.testing;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** Decides {@link RequiresImage}. */
final class ImageCondition implements ExecutionCondition {

  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(5);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getElement(), RequiresImage.class)
        .map(required -> evaluate(required.value()))
        .orElse(ConditionEvaluationResult.enabled("no image required"));
  }

  /**
   * Asks the engine with this class's own loader as the context loader: Quarkus runs a test class
   * in a loader of its own, and Testcontainers finds its engine strategies through the context
   * loader, which would then hand it classes it cannot use.
   */
  private static ConditionEvaluationResult evaluate(String image) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ImageCondition.class.getClassLoader());
    try {
      return ask(image);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static ConditionEvaluationResult ask(String image) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return ConditionEvaluationResult.disabled("no Docker-compatible engine to run " + image);
    }
    try {
      DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
      return ConditionEvaluationResult.enabled(image + " is on the engine");
    } catch (NotFoundException notThere) {
      String registry = DockerImageName.parse(image).getRegistry();
      String host = registry.isEmpty() ? "registry-1.docker.io" : registry;
      return reachable(host)
          ? ConditionEvaluationResult.enabled(image + " can be pulled from " + host)
          : ConditionEvaluationResult.disabled(
              image + " is not on the engine and " + host + " cannot be reached to pull it");
    }
  }

  /** Whether the registry answers at all: any HTTP status, 401 included, means it can be asked. */
  private static boolean reachable(String host) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(REGISTRY_TIMEOUT).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://" + host + "/v2/"))
            .timeout(REGISTRY_TIMEOUT)
            .build();
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
