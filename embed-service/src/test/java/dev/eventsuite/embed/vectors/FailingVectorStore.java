package dev.eventsuite.embed.vectors;

import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.vectors.config.VectorsConfig;
import dev.eventsuite.vectors.store.ForwardingVectorStore;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreException;
import dev.eventsuite.vectors.store.VectorStores;
import dev.eventsuite.vectors.store.VectorWrite;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * The configured store, failing as a full disk would: its first write, and its first commit after a
 * write went through, throw before they reach the store.
 */
public final class FailingVectorStore extends ForwardingVectorStore {

  /** Produces this store in place of {@link VectorsProducer}'s, where a test profile enables it. */
  @Alternative
  public static class Producer {

    @Produces
    @Singleton
    FailingVectorStore store(VectorsConfig config, StoreDataSource dataSources) {
      return new FailingVectorStore(VectorStores.writer(config, dataSources::oracle));
    }

    void close(@Disposes VectorStore store) {
      store.close();
    }
  }

  private volatile boolean writeFailed;
  private volatile boolean written;
  private volatile boolean commitFailed;

  FailingVectorStore(VectorStore store) {
    super(store);
  }

  /** The writes and commits that failed. */
  public int failures() {
    return (writeFailed ? 1 : 0) + (commitFailed ? 1 : 0);
  }

  @Override
  public void apply(List<VectorWrite> writes) {
    if (!writeFailed) {
      writeFailed = true;
      throw diskFull();
    }
    super.apply(writes);
    written = true;
  }

  @Override
  public void commit() {
    if (written && !commitFailed) {
      commitFailed = true;
      throw diskFull();
    }
    super.commit();
  }

  private static VectorStoreException diskFull() {
    return new VectorStoreException(
        "cannot write the vector index", new IOException("No space left on device"));
  }
}
