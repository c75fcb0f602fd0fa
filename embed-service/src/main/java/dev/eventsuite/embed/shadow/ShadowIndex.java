package dev.eventsuite.embed.shadow;

import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.VectorStore;

/**
 * The shadow index embed-service fills with a second model while searches keep using the first (see
 * {@link ShadowFilling}), when {@code suite.vectors.shadow.model} is set.
 *
 * @param model the shadow's model
 * @param store the shadow's store
 */
public record ShadowIndex(EmbeddingModel model, VectorStore store) {}
