package dev.eventsuite.search;

import dev.eventsuite.events.ContentHash;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorWrite;
import dev.eventsuite.vectors.store.lucene.LuceneVectorStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The index search-service reads, written for its tests as embed-service writes it: real embeddings
 * from the real model, committed to the folder the service opens.
 */
public final class SearchIndex implements AutoCloseable {

  public static final Path FOLDER = Path.of("target/test-data/vectors");
  public static final Instant RECENT = Instant.now().minusSeconds(3600);

  private final LuceneVectorStore writer = LuceneVectorStore.writable(FOLDER, 100);
  private final EmbeddingModel model;

  public SearchIndex(EmbeddingModel model) {
    this.model = model;
  }

  /** The handbook, mail and legacy collections, replacing what earlier runs left. */
  public SearchIndex withFixture() {
    removeCollections("handbook", "mail", "legacy", "scratch", "removable", "photos");
    add(
        "handbook",
        "restart",
        "Restarting the broker",
        "runbooks",
        Instant.parse("2025-01-10T09:00:00Z"),
        Map.of("owner", "ops"),
        "To restart the Kafka broker, drain the consumer groups first, then stop and start the broker process.",
        "Check the broker logs after the restart for partitions that did not come back.");
    add(
        "handbook",
        "revenue",
        "Quarterly revenue report",
        "finance",
        Instant.parse("2025-06-01T09:00:00Z"),
        Map.of("owner", "finance"),
        "Revenue grew twelve percent in the second quarter, driven by subscriptions.");
    add(
        "handbook",
        "garden",
        "Gardening tips",
        "hobby",
        Instant.parse("2024-01-01T09:00:00Z"),
        Map.of(),
        "Water tomatoes early in the morning during hot summers.");
    add(
        "mail",
        "maintenance",
        "Maintenance window",
        "ops",
        RECENT,
        Map.of(),
        "Reminder: the broker maintenance window is on Sunday night.");
    return this;
  }

  /** Adds a document whose chunks are the texts, embedded by the model, and commits. */
  public void add(
      String collection,
      String documentId,
      String title,
      String category,
      Instant created,
      Map<String, String> metadata,
      String... texts) {
    write(
        collection,
        documentId,
        title,
        category,
        created,
        metadata,
        collection + "/" + documentId + ".md",
        "text/markdown",
        model.info().key(),
        texts);
  }

  /**
   * Adds an image's document as ingest-service describes one: a bucket object's text description,
   * with what its analysis found as {@code image.*} metadata.
   */
  public void addImage(
      String bucket,
      String documentId,
      String objectName,
      Map<String, String> analysis,
      String text) {
    write(
        bucket,
        documentId,
        objectName.substring(objectName.lastIndexOf('/') + 1),
        null,
        RECENT,
        analysis,
        bucket + "/" + objectName,
        "image/png",
        model.info().key(),
        text);
  }

  /** Adds a one-chunk document as if another model had embedded it. */
  public void addEmbeddedBy(String modelKey, String collection, String documentId, String text) {
    write(
        collection,
        documentId,
        documentId,
        null,
        RECENT,
        Map.of(),
        collection + "/" + documentId + ".md",
        "text/markdown",
        modelKey,
        text);
  }

  private void write(
      String collection,
      String documentId,
      String title,
      String category,
      Instant created,
      Map<String, String> metadata,
      String source,
      String contentType,
      String modelKey,
      String... texts) {
    List<float[]> vectors = model.embed(List.of(texts));
    List<VectorWrite> writes = new ArrayList<>();
    writes.add(new VectorWrite.KeepOnlyVersion(documentId, "v1"));
    for (int i = 0; i < texts.length; i++) {
      writes.add(
          new VectorWrite.Upsert(
              new StoredChunk(
                  documentId + ":v1:0:" + i,
                  collection,
                  documentId,
                  "v1",
                  0,
                  i,
                  texts[i],
                  ContentHash.of(texts[i]),
                  title,
                  category,
                  source,
                  contentType,
                  "en",
                  created,
                  created,
                  metadata,
                  modelKey,
                  vectors.get(i))));
    }
    writer.apply(writes);
    writer.commit();
  }

  private void removeCollections(String... collections) {
    List<VectorWrite> writes = new ArrayList<>();
    for (String collection : collections) {
      for (String id : writer.documentIds(ChunkFilter.collection(collection), 10_000)) {
        writes.add(new VectorWrite.RemoveDocument(id));
      }
    }
    writer.apply(writes);
    writer.commit();
  }

  @Override
  public void close() {
    writer.close();
  }
}
