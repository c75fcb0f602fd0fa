package dev.eventsuite.vectors.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreContract;
import dev.eventsuite.vectors.store.VectorWrite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest extends VectorStoreContract {

  @TempDir Path folder;
  private LuceneVectorStore store;

  @BeforeEach
  void open() {
    store = LuceneVectorStore.writable(folder.resolve("index"), 100);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected VectorStore store() {
    return store;
  }

  @Test
  void shouldShowAnotherProcessesCommitsToAReader() {
    try (LuceneVectorStore reader =
        LuceneVectorStore.readOnly(folder.resolve("index"), 100, Duration.ZERO)) {
      assertThat(reader.count(ChunkFilter.NONE)).isZero();

      store.apply(List.of(new VectorWrite.Upsert(chunk("a", "v1", 0, "one", vector(1, 0)))));
      assertThat(reader.count(ChunkFilter.NONE)).as("before the commit").isZero();
      store.commit();

      assertThat(reader.count(ChunkFilter.NONE)).isEqualTo(1);
      assertThat(reader.nearest(vector(1, 0), 1, ChunkFilter.NONE)).hasSize(1);
    }
  }

  @Test
  void shouldMergeTheIndexIntoOneSegmentOnceNoChunkIsWrittenForAWhile() {
    store.close();
    store =
        LuceneVectorStore.writable(
            folder.resolve("index"), 100, new LuceneVectorStore.Merging(Duration.ofMillis(300), 1));
    try (LuceneVectorStore reader =
        LuceneVectorStore.readOnly(folder.resolve("index"), 100, Duration.ZERO)) {
      for (int i = 0; i < 4; i++) {
        store.apply(
            List.of(new VectorWrite.Upsert(chunk("d" + i, "v1", 0, "text " + i, vector(1, i)))));
        store.commit();
      }
      List<String> before =
          reader.nearest(vector(1, 2), 4, ChunkFilter.NONE).stream().map(Hit::chunkId).toList();
      assertThat(reader.segments()).as("one segment per commit").isEqualTo(4);

      await().atMost(Duration.ofSeconds(10)).until(() -> reader.segments() == 1);

      assertThat(reader.nearest(vector(1, 2), 4, ChunkFilter.NONE))
          .extracting(Hit::chunkId)
          .containsExactlyElementsOf(before);
      store.apply(List.of(new VectorWrite.Upsert(chunk("late", "v1", 0, "later", vector(0, 1)))));
      store.commit();
      assertThat(reader.count(ChunkFilter.NONE)).isEqualTo(5);
    }
  }

  @Test
  void shouldMergeOnRequestOnlyBeyondTheSegmentsAskedFor() {
    for (int i = 0; i < 3; i++) {
      store.apply(
          List.of(new VectorWrite.Upsert(chunk("d" + i, "v1", 0, "text " + i, vector(1, i)))));
      store.commit();
    }

    assertThat(store.merge(3)).as("already within three segments").isFalse();
    assertThat(store.merge(1)).isTrue();
    assertThat(store.segments()).isEqualTo(1);
    assertThat(store.count(ChunkFilter.NONE)).isEqualTo(3);
  }

  @Test
  void shouldFindNothingBeforeTheIndexExists() {
    try (LuceneVectorStore reader =
        LuceneVectorStore.readOnly(folder.resolve("not-yet"), 100, Duration.ZERO)) {
      assertThat(reader.nearest(vector(1, 0), 5, ChunkFilter.NONE)).isEmpty();
      assertThat(reader.collections()).isEmpty();
    }
  }

  @Test
  void shouldKeepWhatWasCommittedAcrossARestart() {
    store.apply(List.of(new VectorWrite.Upsert(chunk("a", "v1", 0, "one", vector(1, 0)))));
    store.commit();
    store.close();

    store = LuceneVectorStore.writable(folder.resolve("index"), 100);

    assertThat(store.documentChunks("a")).hasSize(1);
  }

  @Test
  void shouldRefuseToWriteIntoAnIndexOfAnotherSchema() throws Exception {
    store.close();
    Path other = folder.resolve("other");
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(other), new IndexWriterConfig())) {
      writer.commit();
    }

    assertThatThrownBy(() -> LuceneVectorStore.writable(other, 100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another version of the suite");
    store = LuceneVectorStore.writable(folder.resolve("index"), 100);
  }
}
