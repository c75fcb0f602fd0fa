package dev.eventsuite.vectors.embedding;

/**
 * A model could not embed the texts and trying again will not help: the provider refused them, or
 * kept failing for every attempt allowed.
 */
public class EmbeddingException extends RuntimeException {

  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
