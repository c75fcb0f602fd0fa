package dev.eventsuite.vectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every vector store must do, run against each implementation with the same inputs and the
 * same expected results.
 */
public abstract class VectorStoreContract {

  protected static final int DIMENSION = 384;
  private static final Instant JANUARY = Instant.parse("2025-01-10T08:00:00Z");
  private static final Instant MARCH = Instant.parse("2025-03-10T08:00:00Z");

  /** An empty store. */
  protected abstract VectorStore store();

  /** A unit vector along the given axes, weighted. */
  protected static float[] vector(double... weights) {
    float[] vector = new float[DIMENSION];
    for (int i = 0; i < weights.length; i++) {
      vector[i] = (float) weights[i];
    }
    return vector;
  }

  protected static StoredChunk chunk(
      String documentId, String version, int index, String text, float[] vector) {
    return new StoredChunk(
        documentId + ":" + version + ":0:" + index,
        "docs",
        documentId,
        version,
        0,
        index,
        text,
        "hash-" + text.hashCode(),
        "Title of " + documentId,
        "guides",
        "docs/" + documentId + ".md",
        "text/markdown",
        "en",
        JANUARY,
        MARCH,
        Map.of("owner", "ops"),
        "test-model@1",
        vector);
  }

  private void write(VectorWrite... writes) {
    store().apply(List.of(writes));
    store().commit();
  }

  private static VectorWrite upsert(StoredChunk chunk) {
    return new VectorWrite.Upsert(chunk);
  }

  @Test
  void shouldFindTheNearestChunksFirstWithTheirCosineSimilarity() {
    write(
        upsert(chunk("a", "v1", 0, "along x", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "mostly x", vector(0.8, 0.6))),
        upsert(chunk("c", "v1", 0, "along y", vector(0, 1))));

    List<Hit> found = store().nearest(vector(1, 0), 2, ChunkFilter.NONE);

    assertThat(found).extracting(Hit::documentId).containsExactly("a", "b");
    assertThat(found.get(0).score()).isCloseTo(1.0, within(1e-4));
    assertThat(found.get(1).score()).isCloseTo(0.8, within(1e-4));
  }

  @Test
  void shouldCompareVectorsOfAnyLengthByDirection() {
    write(
        upsert(chunk("long", "v1", 0, "long vector", vector(10, 0))),
        upsert(chunk("other", "v1", 0, "other", vector(0, 3))));

    List<Hit> found = store().nearest(vector(2, 0), 1, ChunkFilter.NONE);

    assertThat(found).extracting(Hit::documentId).containsExactly("long");
    assertThat(found.get(0).score()).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void shouldReturnEveryFieldAsWritten() {
    StoredChunk written = chunk("a", "v1", 3, "the text", vector(1, 0));
    write(upsert(written));

    Hit hit = store().nearest(vector(1, 0), 1, ChunkFilter.NONE).get(0);
    StoredChunk read = store().chunks(List.of(hit.chunkId())).get(0);

    assertThat(hit.chunkId()).isEqualTo(written.chunkId());
    assertThat(hit.documentId()).isEqualTo("a");
    assertThat(hit.changedAt()).isEqualTo(MARCH);
    assertThat(read).isEqualTo(written.withoutVector());
  }

  @Test
  void shouldReadChunksByIdInTheOrderAsked() {
    write(
        upsert(chunk("a", "v1", 0, "one", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "two", vector(1, 0))));

    assertThat(store().chunks(List.of("b:v1:0:0", "missing", "a:v1:0:0")))
        .extracting(StoredChunk::text)
        .containsExactly("two", "one");
    assertThat(store().chunks(List.of())).isEmpty();
  }

  @Test
  void shouldReplaceAChunkWrittenAgainUnderItsId() {
    write(upsert(chunk("a", "v1", 0, "first text", vector(1, 0))));
    write(upsert(chunk("a", "v1", 0, "second text", vector(1, 0))));

    assertThat(store().count(ChunkFilter.NONE)).isEqualTo(1);
    assertThat(store().documentChunks("a"))
        .extracting(StoredChunk::text)
        .containsExactly("second text");
  }

  @Test
  void shouldReadTheLastWriteOfAChunkById() {
    write(
        upsert(chunk("a", "v1", 0, "first text", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "other text", vector(0, 1))));
    write(upsert(chunk("a", "v1", 0, "second text", vector(1, 0))));

    assertThat(store().chunks(List.of("a:v1:0:0", "b:v1:0:0")))
        .extracting(StoredChunk::text)
        .containsExactly("second text", "other text");
  }

  @Test
  void shouldListADocumentsChunksInOrder() {
    write(
        upsert(chunk("a", "v1", 2, "third", vector(1, 0))),
        upsert(chunk("a", "v1", 0, "first", vector(1, 0))),
        upsert(chunk("a", "v1", 1, "second", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "other", vector(1, 0))));

    assertThat(store().documentChunks("a"))
        .extracting(StoredChunk::text)
        .containsExactly("first", "second", "third");
    assertThat(store().documentChunks("missing")).isEmpty();
  }

  @Test
  void shouldReplaceEveryChunkOfAnOlderVersionWithTheNewVersion() {
    write(
        upsert(chunk("a", "v1", 0, "old one", vector(1, 0))),
        upsert(chunk("a", "v1", 1, "old two", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "other document", vector(1, 0))));

    write(
        new VectorWrite.KeepOnlyVersion("a", "v2"),
        upsert(chunk("a", "v2", 0, "new one", vector(1, 0))));

    assertThat(store().documentChunks("a"))
        .extracting(StoredChunk::text)
        .containsExactly("new one");
    assertThat(store().documentChunks("b")).hasSize(1);
  }

  @Test
  void shouldRemoveEveryChunkOfARemovedDocument() {
    write(
        upsert(chunk("a", "v1", 0, "one", vector(1, 0))),
        upsert(chunk("a", "v1", 1, "two", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "other", vector(0, 1))));

    write(new VectorWrite.RemoveDocument("a"));

    assertThat(store().documentChunks("a")).isEmpty();
    assertThat(store().nearest(vector(1, 0), 10, ChunkFilter.NONE))
        .extracting(Hit::documentId)
        .containsExactly("b");
  }

  @Test
  void shouldApplyWritesInTheirOrder() {
    write(
        upsert(chunk("a", "v1", 0, "one", vector(1, 0))),
        new VectorWrite.RemoveDocument("a"),
        upsert(chunk("a", "v2", 0, "back again", vector(1, 0))));

    assertThat(store().documentChunks("a"))
        .extracting(StoredChunk::text)
        .containsExactly("back again");
  }

  @Test
  void shouldLetOnlyWhatTheFilterAllowsThrough() {
    StoredChunk base = chunk("a", "v1", 0, "base", vector(1, 0));
    write(
        upsert(base),
        upsert(with(chunk("other-collection", "v1", 0, "x", vector(1, 0)), "collection", "mail")),
        upsert(with(chunk("other-category", "v1", 0, "x", vector(1, 0)), "category", "faq")),
        upsert(with(chunk("pdf", "v1", 0, "x", vector(1, 0)), "contentType", "application/pdf")),
        upsert(with(chunk("march", "v1", 0, "x", vector(1, 0)), "createdAt", MARCH)),
        upsert(
            with(
                chunk("finance", "v1", 0, "x", vector(1, 0)),
                "metadata",
                Map.of("owner", "finance"))));

    assertThat(found(new ChunkFilter("mail", null, null, null, null, null)))
        .containsExactly("other-collection");
    assertThat(found(new ChunkFilter(null, List.of("faq", "none"), null, null, null, null)))
        .containsExactly("other-category");
    assertThat(found(new ChunkFilter(null, null, "application/pdf", null, null, null)))
        .containsExactly("pdf");
    assertThat(found(new ChunkFilter(null, null, null, MARCH, null, null)))
        .containsExactly("march");
    assertThat(found(new ChunkFilter(null, null, null, null, MARCH, null)))
        .containsExactlyInAnyOrder("a", "other-collection", "other-category", "pdf", "finance");
    assertThat(found(new ChunkFilter(null, null, null, null, null, Map.of("owner", "finance"))))
        .containsExactly("finance");
    assertThat(
            found(
                new ChunkFilter(
                    "docs",
                    List.of("guides"),
                    "text/markdown",
                    JANUARY,
                    MARCH,
                    Map.of("owner", "ops"))))
        .containsExactly("a");
    assertThat(store().count(new ChunkFilter("docs", List.of("guides"), null, null, null, null)))
        .isEqualTo(4);
  }

  @Test
  void shouldListCollectionsWithTheirChunksAndModel() {
    write(
        upsert(chunk("a", "v1", 0, "one", vector(1, 0))),
        upsert(chunk("a", "v1", 1, "two", vector(1, 0))),
        upsert(with(chunk("m", "v1", 0, "mail", vector(1, 0)), "collection", "mail")));

    assertThat(store().collections())
        .containsExactly(
            new CollectionInfo("docs", 2, "test-model@1"),
            new CollectionInfo("mail", 1, "test-model@1"));
  }

  @Test
  void shouldListTheDocumentsOfACollection() {
    write(
        upsert(chunk("a", "v1", 0, "one", vector(1, 0))),
        upsert(chunk("a", "v1", 1, "two", vector(1, 0))),
        upsert(chunk("b", "v1", 0, "three", vector(1, 0))),
        upsert(with(chunk("m", "v1", 0, "mail", vector(1, 0)), "collection", "mail")));

    assertThat(store().documentIds(ChunkFilter.collection("docs"), 10))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(store().documentIds(ChunkFilter.collection("docs"), 1)).hasSize(1);
  }

  @Test
  void shouldWalkEveryDocumentInOrderPageByPage() {
    for (String id : List.of("d", "b", "e", "a", "c")) {
      write(upsert(chunk(id, "v1", 0, "text of " + id, vector(1, 0))));
    }
    write(new VectorWrite.RemoveDocument("c"));

    assertThat(store().documentIdsAfter("", 2)).containsExactly("a", "b");
    assertThat(store().documentIdsAfter("b", 2)).containsExactly("d", "e");
    assertThat(store().documentIdsAfter("e", 2)).isEmpty();
  }

  @Test
  void shouldFindChunksByTheirWordsBestFirst() {
    write(
        upsert(chunk("restart", "v1", 0, "How to restart the broker safely", vector(1, 0))),
        upsert(chunk("crash", "v1", 0, "The broker crashed twice last night", vector(1, 0))),
        upsert(chunk("garden", "v1", 0, "Watering tomatoes in a dry summer", vector(1, 0))));

    List<Hit> found = store().keyword("restarting brokers", 10, ChunkFilter.NONE);

    assertThat(found).extracting(Hit::documentId).containsExactly("restart", "crash");
    assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    assertThat(store().keyword("?!", 10, ChunkFilter.NONE)).isEmpty();
  }

  @Test
  void shouldLetOnlyWhatTheFilterAllowsThroughAKeywordSearch() {
    write(
        upsert(chunk("guide", "v1", 0, "broker settings explained", vector(1, 0))),
        upsert(
            with(
                chunk("faq", "v1", 0, "broker questions answered", vector(1, 0)),
                "category",
                "faq")));

    assertThat(
            store()
                .keyword(
                    "broker", 10, new ChunkFilter(null, List.of("faq"), null, null, null, null)))
        .extracting(Hit::documentId)
        .containsExactly("faq");
  }

  @Test
  void shouldTellThatWhatSearchesSeeChanged() {
    long before = store().version();
    write(upsert(chunk("a", "v1", 0, "one", vector(1, 0))));

    long after = store().version();

    assertThat(after == -1 || after != before).as("version %d, then %d", before, after).isTrue();
  }

  private List<String> found(ChunkFilter filter) {
    return store().nearest(vector(1, 0), 10, filter).stream().map(Hit::documentId).toList();
  }

  /** The chunk with one field changed. */
  private static StoredChunk with(StoredChunk c, String field, Object value) {
    return new StoredChunk(
        c.chunkId(),
        field.equals("collection") ? (String) value : c.collection(),
        c.documentId(),
        c.documentVersion(),
        c.sectionIndex(),
        c.chunkIndex(),
        c.text(),
        c.contentHash(),
        c.title(),
        field.equals("category") ? (String) value : c.category(),
        c.source(),
        field.equals("contentType") ? (String) value : c.contentType(),
        c.language(),
        field.equals("createdAt") ? (Instant) value : c.createdAt(),
        c.updatedAt(),
        field.equals("metadata") ? castMap(value) : c.metadata(),
        c.model(),
        c.vector());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> castMap(Object value) {
    return (Map<String, String>) value;
  }
}
