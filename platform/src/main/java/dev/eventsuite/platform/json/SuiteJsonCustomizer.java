package dev.eventsuite.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsuite.events.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Gives the HTTP layer the same JSON conventions as the streams. */
@Singleton
public class SuiteJsonCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper);
  }
}
