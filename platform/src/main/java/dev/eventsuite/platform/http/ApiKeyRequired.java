package dev.eventsuite.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a valid key on a resource or endpoint: the API key, or the admin key for {@link
 * Access#ADMIN}. Callers send it as {@code X-API-Key: <key>} or {@code Authorization: Bearer
 * <key>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiKeyRequired {

  Access value() default Access.USER;

  /** Who may call. */
  enum Access {
    /** Holders of the API key or the admin key. */
    USER,
    /** Holders of the admin key (of the API key when no admin key is configured). */
    ADMIN
  }
}
