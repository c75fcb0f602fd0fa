package dev.eventsuite.launcher.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of {@code terraform/} as {@code terraform output -json} prints them: each output's
 * name with its {@code value} (and {@code type} and {@code sensitive}, which are not read).
 */
public final class TerraformOutputs {

  private final JsonNode root;

  private TerraformOutputs(JsonNode root) {
    this.root = root;
  }

  /** No outputs: every value comes from flags. */
  public static TerraformOutputs none() {
    return new TerraformOutputs(EventJson.mapper().createObjectNode());
  }

  /** Reads {@code terraform output -json}. */
  public static TerraformOutputs read(InputStream json) throws IOException {
    JsonNode root = EventJson.mapper().readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("expected the JSON object terraform output -json prints");
    }
    return new TerraformOutputs(root);
  }

  /** A text output; empty when absent or null. */
  public Optional<String> text(String name) {
    JsonNode value = root.path(name).path("value");
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** A map of text, e.g. {@code stream_ids}; empty when absent. */
  public Map<String, String> textMap(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    root.path(name)
        .path("value")
        .properties()
        .forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  /** A map of whole numbers, e.g. {@code stream_partitions}; empty when absent. */
  public Map<String, Integer> numberMap(String name) {
    Map<String, Integer> map = new LinkedHashMap<>();
    root.path(name)
        .path("value")
        .properties()
        .forEach(e -> map.put(e.getKey(), e.getValue().asInt()));
    return map;
  }
}
