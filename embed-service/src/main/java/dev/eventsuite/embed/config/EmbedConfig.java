package dev.eventsuite.embed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** embed-service's own configuration; the model, cache and store are {@code suite.vectors.*}. */
@ConfigMapping(prefix = "suite.embed")
public interface EmbedConfig {

  /** The most chunks embedded and stored together. */
  @WithDefault("64")
  int batchSize();

  /** How long a fetch may wait for more chunks, so that batches fill when chunks trickle in. */
  @WithDefault("50ms")
  Duration linger();

  /** The most texts one {@code POST /api/v1/embeddings} may carry. */
  @WithDefault("256")
  int maxTexts();

  /** The longest text {@code POST /api/v1/embeddings} takes, in characters. */
  @WithDefault("10000")
  int maxTextChars();
}
