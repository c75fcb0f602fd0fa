package dev.eventsuite.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where Testcontainers can start the given image: a Docker-compatible engine
 * answers, and the image is on it or its registry can be reached to pull it. Elsewhere the class is
 * reported as skipped, with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ImageCondition.class)
public @interface RequiresImage {

  /** The image, as Testcontainers is given it, e.g. {@code gvenzl/oracle-free:23-slim}. */
  String value();
}
