package dev.eventsuite.testing;

/** The API keys every service is configured with in its tests. */
public final class TestKeys {

  public static final String API_KEY = "test-api-key";
  public static final String ADMIN_KEY = "test-admin-key";

  private TestKeys() {}
}
