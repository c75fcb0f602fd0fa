package dev.eventsuite.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsuite.events.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the HTTP layer the same JSON conventions as the streams, but strict about fields: a request
 * field the API does not have (a misspelled {@code "kk": 5}) is refused, not silently ignored,
 * while events on the streams may carry fields of newer versions.
 */
@Singleton
public class SuiteJsonCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
