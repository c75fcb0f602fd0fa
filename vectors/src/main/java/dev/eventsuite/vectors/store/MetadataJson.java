package dev.eventsuite.vectors.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.eventsuite.events.EventJson;
import java.util.Map;

/** Chunk metadata as the stores keep it: a JSON object of strings. */
public final class MetadataJson {

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private MetadataJson() {}

  /** The metadata as JSON; null when there is none. */
  public static String write(Map<String, String> metadata) {
    return metadata.isEmpty() ? null : EventJson.toJson(metadata);
  }

  /** The metadata from its JSON; empty for null. */
  public static Map<String, String> read(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return EventJson.mapper().readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored chunk metadata is not a JSON object of strings", e);
    }
  }
}
