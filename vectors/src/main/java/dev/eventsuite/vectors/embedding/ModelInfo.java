package dev.eventsuite.vectors.embedding;

/**
 * An embedding model's identity.
 *
 * @param id the model's name, e.g. {@code all-minilm-l6-v2}
 * @param version the build of the model: vectors of different versions are not comparable
 * @param dimension the length of its vectors
 */
public record ModelInfo(String id, String version, int dimension) {

  /** The model id and version as one key, as stored beside each vector. */
  public String key() {
    return id + "@" + version;
  }
}
