package dev.eventsuite.embed.vectors;

import dev.eventsuite.platform.faults.StoreOutage;
import dev.eventsuite.vectors.store.ForwardingVectorStore;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorWrite;
import java.util.List;

/** The vector store whose writes fail during a {@link StoreOutage}, as a full disk's would. */
final class OutageAwareVectorStore extends ForwardingVectorStore {

  private final StoreOutage outage;

  OutageAwareVectorStore(VectorStore store, StoreOutage outage) {
    super(store);
    this.outage = outage;
  }

  @Override
  public void apply(List<VectorWrite> writes) {
    outage.check("the vector index");
    super.apply(writes);
  }

  @Override
  public void commit() {
    outage.check("the vector index");
    super.commit();
  }
}
