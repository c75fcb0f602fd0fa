package dev.eventsuite.vectors.store;

import java.util.List;

/**
 * A store that passes every call to another: the base of stores that add a behaviour to some calls
 * (failing writes during an outage, say) and leave the others as they are.
 */
public abstract class ForwardingVectorStore implements VectorStore {

  private final VectorStore store;

  protected ForwardingVectorStore(VectorStore store) {
    this.store = store;
  }

  @Override
  public void apply(List<VectorWrite> writes) {
    store.apply(writes);
  }

  @Override
  public void commit() {
    store.commit();
  }

  @Override
  public List<Hit> nearest(float[] query, int k, ChunkFilter filter) {
    return store.nearest(query, k, filter);
  }

  @Override
  public List<Hit> keyword(String query, int k, ChunkFilter filter) {
    return store.keyword(query, k, filter);
  }

  @Override
  public List<StoredChunk> chunks(List<String> chunkIds) {
    return store.chunks(chunkIds);
  }

  @Override
  public long version() {
    return store.version();
  }

  @Override
  public List<StoredChunk> documentChunks(String documentId) {
    return store.documentChunks(documentId);
  }

  @Override
  public List<String> documentIds(ChunkFilter filter, int limit) {
    return store.documentIds(filter, limit);
  }

  @Override
  public List<String> documentIdsAfter(String after, int limit) {
    return store.documentIdsAfter(after, limit);
  }

  @Override
  public long count(ChunkFilter filter) {
    return store.count(filter);
  }

  @Override
  public List<CollectionInfo> collections() {
    return store.collections();
  }

  @Override
  public void close() {
    store.close();
  }
}
