package dev.eventsuite.vectors.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsuite.vectors.store.ChunkFilter;
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
