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

  /**
   * Whether a refusal also challenges for HTTP Basic credentials, for senders that send them only
   * when asked (OCI Notifications' HTTPS subscriptions). Off elsewhere: browsers answer a Basic
   * challenge with their own login prompt, in front of the suite's pages.
   */
  boolean basicChallenge() default false;

  /** Who may call. */
  enum Access {
    /** Holders of the API key or the admin key. */
    USER,
    /** Holders of the admin key (of the API key when no admin key is configured). */
    ADMIN
  }
}
