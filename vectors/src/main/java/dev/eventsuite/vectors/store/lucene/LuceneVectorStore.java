package dev.eventsuite.vectors.store.lucene;

import dev.eventsuite.vectors.embedding.Vectors;
import dev.eventsuite.vectors.store.ChunkFilter;
import dev.eventsuite.vectors.store.CollectionInfo;
import dev.eventsuite.vectors.store.Hit;
import dev.eventsuite.vectors.store.MetadataJson;
import dev.eventsuite.vectors.store.StoredChunk;
import dev.eventsuite.vectors.store.VectorStore;
import dev.eventsuite.vectors.store.VectorStoreException;
import dev.eventsuite.vectors.store.VectorWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The vector store as an Apache Lucene index in a folder: vectors in an HNSW graph ({@link
 * KnnFloatVectorField}), metadata as exact-match fields for filters, title and text analysed for
 * BM25. One process writes ({@link #writable}); others may read the same folder ({@link #readOnly})
 * and see each commit within their refresh interval.
 */
public final class LuceneVectorStore implements VectorStore {

  static final String ID = "id";
  static final String COLLECTION = "collection";
  static final String DOCUMENT = "document";
  static final String VERSION = "version";
  static final String SECTION = "section";
  static final String CHUNK = "chunk";
  static final String TEXT = "text";
  static final String HASH = "hash";
  static final String TITLE = "title";
  static final String CATEGORY = "category";
  static final String SOURCE = "source";
  static final String CONTENT_TYPE = "contentType";
  static final String LANGUAGE = "language";
  static final String CREATED = "created";
  static final String UPDATED = "updated";
  static final String CHANGED = "changed";
  static final String METADATA = "metadata";
  static final String METADATA_PREFIX = "meta.";
  static final String MODEL = "model";
  static final String VECTOR = "vector";

  private static final float TITLE_BOOST = 2f;

  /** The index's fields, recorded with each commit: another set cannot be written into it. */
  private static final String SCHEMA_KEY = "suite.vectors.schema";

  private static final String SCHEMA = "2";

  private static final System.Logger LOG = System.getLogger(LuceneVectorStore.class.getName());
  private static final Duration LONGEST_MERGE_CHECK = Duration.ofSeconds(5);

  /**
   * When the writer merges the index into few segments by itself: once no chunk has been written
   * for {@code whenIdle}. A search walks each segment's graph in turn, so an index in one segment
   * answers several times faster than one in many; merging while chunks stream in would compete
   * with them for the cores.
   *
   * @param whenIdle how long without writes before a merge; zero never merges
   * @param maxSegments the segments a merge leaves
   */
  public record Merging(Duration whenIdle, int maxSegments) {

    /** No merges beyond those Lucene makes as segments accumulate. */
    public static final Merging NEVER = new Merging(Duration.ZERO, 1);

    public Merging {
      if (whenIdle.isNegative() || maxSegments < 1) {
        throw new IllegalArgumentException(
            "merging needs an idle time of zero (never) or more, and at least one segment");
      }
    }
  }

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Directory directory;
  private final IndexWriter writer;
  private final int candidates;
  private final long refreshNanos;
  private final ScheduledExecutorService merger;
  private volatile SearcherManager searchers;
  private volatile long lastRefresh;
  private volatile long lastWriteNanos = System.nanoTime();

  private LuceneVectorStore(
      Directory directory,
      IndexWriter writer,
      int candidates,
      Duration refreshInterval,
      Merging merging)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.candidates = candidates;
    this.refreshNanos = refreshInterval.toNanos();
    if (writer != null) {
      this.searchers = new SearcherManager(writer, null);
    }
    this.merger = merging.whenIdle().isZero() ? null : startMerger(merging);
  }

  /**
   * The store that writes the index in the folder, creating it when new; the only writer. It leaves
   * merging to Lucene's policy and {@link #merge}.
   *
   * @param candidates how many graph candidates a search explores at least (HNSW's ef): more is
   *     slower and closer to exact
   */
  public static LuceneVectorStore writable(Path folder, int candidates) {
    return writable(folder, candidates, Merging.NEVER);
  }

  /**
   * The store that writes the index in the folder, creating it when new; the only writer.
   *
   * @param candidates how many graph candidates a search explores at least (HNSW's ef): more is
   *     slower and closer to exact
   * @param merging when it merges the index into few segments by itself
   */
  public static LuceneVectorStore writable(Path folder, int candidates, Merging merging) {
    try {
      Files.createDirectories(folder);
      Directory directory = FSDirectory.open(folder);
      IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      checkSchema(directory, folder);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
      writer.commit();
      return new LuceneVectorStore(directory, writer, candidates, Duration.ZERO, merging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the vector index in " + folder, e);
    }
  }

  /** An index written with other fields cannot take new chunks: say so rather than fail later. */
  private static void checkSchema(Directory directory, Path folder) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    String found;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      found = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
    }
    if (!SCHEMA.equals(found)) {
      throw new IllegalStateException(
          "the vector index in "
              + folder
              + " was written by another version of the suite (schema "
              + found
              + ", this one writes "
              + SCHEMA
              + "); move it away, and embed-service rebuilds the index from document-chunks when"
              + " its consumer group is reset");
    }
  }

  /**
   * A reader of the index another process writes; it checks for a newer commit at most once per
   * {@code refreshInterval}. Until the index exists, searches find nothing.
   */
  public static LuceneVectorStore readOnly(Path folder, int candidates, Duration refreshInterval) {
    try {
      return new LuceneVectorStore(
          FSDirectory.open(folder), null, candidates, refreshInterval, Merging.NEVER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the vector index in " + folder, e);
    }
  }

  @Override
  public void apply(List<VectorWrite> writes) {
    if (writer == null) {
      throw new UnsupportedOperationException("this store only reads");
    }
    lastWriteNanos = System.nanoTime();
    try {
      for (VectorWrite write : writes) {
        if (write instanceof VectorWrite.Upsert upsert) {
          writer.updateDocument(new Term(ID, upsert.chunk().chunkId()), document(upsert.chunk()));
        } else if (write instanceof VectorWrite.KeepOnlyVersion keep) {
          writer.deleteDocuments(
              new BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(DOCUMENT, keep.documentId())),
                      BooleanClause.Occur.FILTER)
                  .add(
                      new TermQuery(new Term(VERSION, keep.version())),
                      BooleanClause.Occur.MUST_NOT)
                  .build());
        } else if (write instanceof VectorWrite.RemoveDocument remove) {
          writer.deleteDocuments(new Term(DOCUMENT, remove.documentId()));
        }
      }
    } catch (IOException e) {
      throw new VectorStoreException("writing the vector index failed", e);
    }
  }

  @Override
  public void commit() {
    if (writer == null) {
      return;
    }
    try {
      if (writer.hasUncommittedChanges()) {
        writer.commit();
      }
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new VectorStoreException("committing the vector index failed", e);
    }
  }

  /** The segments of the index as last committed or refreshed. */
  public int segments() {
    return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
  }

  /**
   * Merges the index into at most {@code maxSegments} segments and commits, unless it has no more
   * than that already. Writes and searches go on meanwhile; searches see the merged index once it
   * is committed.
   *
   * @return whether it merged
   */
  public boolean merge(int maxSegments) {
    if (writer == null) {
      throw new UnsupportedOperationException("this store only reads");
    }
    int before = segments();
    if (before <= maxSegments) {
      return false;
    }
    long start = System.nanoTime();
    try {
      writer.forceMerge(maxSegments);
    } catch (IOException e) {
      throw new VectorStoreException("merging the vector index failed", e);
    }
    commit();
    LOG.log(
        System.Logger.Level.INFO,
        "merged the vector index from {0} segments into {1} in {2} ms",
        before,
        segments(),
        (System.nanoTime() - start) / 1_000_000);
    return true;
  }

  private ScheduledExecutorService startMerger(Merging merging) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vector-index-merge");
              thread.setDaemon(true);
              return thread;
            });
    long idle = merging.whenIdle().toNanos();
    long every = Math.min(idle, LONGEST_MERGE_CHECK.toNanos());
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (System.nanoTime() - lastWriteNanos < idle) {
            return;
          }
          try {
            merge(merging.maxSegments());
          } catch (AlreadyClosedException | VectorStoreException e) {
            // A merge given up because the store closes is made again after the next start.
            if (!scheduler.isShutdown()) {
              LOG.log(System.Logger.Level.WARNING, "merging the vector index failed", e);
            }
          }
        },
        every,
        every,
        TimeUnit.NANOSECONDS);
    return scheduler;
  }

  @Override
  public List<Hit> nearest(float[] query, int k, ChunkFilter filter) {
    Query filterQuery = filter.isEmpty() ? null : filterQuery(filter);
    KnnFloatVectorQuery knn =
        new KnnFloatVectorQuery(
            VECTOR, Vectors.normalised(query), Math.max(k, candidates), filterQuery);
    return withSearcher(
        searcher -> {
          // DOT_PRODUCT scores unit vectors as (1 + cosine) / 2.
          return hits(searcher, searcher.search(knn, k), score -> 2.0 * score - 1);
        });
  }

  @Override
  public List<Hit> keyword(String query, int k, ChunkFilter filter) {
    Query words = wordsQuery(query);
    if (words == null) {
      return List.of();
    }
    Query search =
        filter.isEmpty()
            ? words
            : new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.MUST)
                .add(filterQuery(filter), BooleanClause.Occur.FILTER)
                .build();
    return withSearcher(
        searcher -> {
          return hits(searcher, searcher.search(search, k), score -> score);
        });
  }

  /**
   * The hits' ids, documents and times, read from doc values: stored fields, compressed, are read
   * only for the chunks that are shown. Each segment's doc values are opened once and read in
   * document order, as they must be; the hits keep their ranked order.
   */
  private static List<Hit> hits(IndexSearcher searcher, TopDocs top, DoubleUnaryOperator score)
      throws IOException {
    ScoreDoc[] ranked = top.scoreDocs;
    Integer[] byDoc = new Integer[ranked.length];
    for (int i = 0; i < byDoc.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Hit[] hits = new Hit[ranked.length];
    LeafReaderContext leaf = null;
    SortedDocValues ids = null;
    SortedDocValues documents = null;
    NumericDocValues changed = null;
    for (int i : byDoc) {
      int doc = ranked[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        ids = DocValues.getSorted(leaf.reader(), ID);
        documents = DocValues.getSorted(leaf.reader(), DOCUMENT);
        changed = DocValues.getNumeric(leaf.reader(), CHANGED);
      }
      int inLeaf = doc - leaf.docBase;
      hits[i] =
          new Hit(
              sortedValue(ids, inLeaf),
              sortedValue(documents, inLeaf),
              changed.advanceExact(inLeaf) ? Instant.ofEpochMilli(changed.longValue()) : null,
              score.applyAsDouble(ranked[i].score));
    }
    return Arrays.asList(hits);
  }

  private static String sortedValue(SortedDocValues values, int doc) throws IOException {
    return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
  }

  @Override
  public List<StoredChunk> chunks(List<String> chunkIds) {
    if (chunkIds.isEmpty()) {
      return List.of();
    }
    return withSearcher(
        searcher -> {
          List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
          TermsEnum[] idTerms = new TermsEnum[leaves.size()];
          StoredFields fields = searcher.storedFields();
          List<StoredChunk> found = new ArrayList<>(chunkIds.size());
          for (String chunkId : chunkIds) {
            int doc = liveDoc(leaves, idTerms, new BytesRef(chunkId));
            if (doc >= 0) {
              found.add(chunk(fields.document(doc)));
            }
          }
          return found;
        });
  }

  /**
   * The live document holding an id, looked up in each segment's terms (a search would build,
   * rewrite and score a query to find a handful of known ids), or -1. {@code idTerms} keeps each
   * segment's enumeration of ids for the next lookup.
   */
  private static int liveDoc(List<LeafReaderContext> leaves, TermsEnum[] idTerms, BytesRef id)
      throws IOException {
    for (int i = 0; i < leaves.size(); i++) {
      LeafReader reader = leaves.get(i).reader();
      if (idTerms[i] == null) {
        Terms terms = reader.terms(ID);
        idTerms[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
      }
      if (!idTerms[i].seekExact(id)) {
        continue;
      }
      Bits live = reader.getLiveDocs();
      PostingsEnum docs = idTerms[i].postings(null, PostingsEnum.NONE);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          return leaves.get(i).docBase + doc;
        }
      }
    }
    return -1;
  }

  /**
   * The query's words, analysed as the text was, matched in the text and (counting double) the
   * title.
   */
  private Query wordsQuery(String query) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    Query text = builder.createBooleanQuery(TEXT, query);
    if (text == null) {
      return null;
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD);
    Query title = builder.createBooleanQuery(TITLE, query);
    if (title != null) {
      words.add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD);
    }
    return words.build();
  }

  @Override
  public long version() {
    return withSearcher(
        searcher ->
            searcher.getIndexReader() instanceof DirectoryReader reader ? reader.getVersion() : 0L);
  }

  @Override
  public List<StoredChunk> documentChunks(String documentId) {
    return withSearcher(
        searcher -> {
          Query query = new TermQuery(new Term(DOCUMENT, documentId));
          int count = searcher.count(query);
          if (count == 0) {
            return List.of();
          }
          StoredFields fields = searcher.storedFields();
          List<StoredChunk> chunks = new ArrayList<>(count);
          for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
            chunks.add(chunk(fields.document(hit.doc)));
          }
          chunks.sort(
              Comparator.comparingInt(StoredChunk::sectionIndex)
                  .thenComparingInt(StoredChunk::chunkIndex));
          return chunks;
        });
  }

  @Override
  public List<String> documentIds(ChunkFilter filter, int limit) {
    return withSearcher(
        searcher -> {
          Set<String> ids = new LinkedHashSet<>();
          StoredFields fields = searcher.storedFields();
          Query query = filterQuery(filter);
          int count = searcher.count(query);
          if (count == 0) {
            return List.of();
          }
          for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
            ids.add(fields.document(hit.doc, Set.of(DOCUMENT)).get(DOCUMENT));
            if (ids.size() >= limit) {
              break;
            }
          }
          return List.copyOf(ids);
        });
  }

  @Override
  public List<String> documentIdsAfter(String after, int limit) {
    return withSearcher(
        searcher -> {
          List<String> live = new ArrayList<>();
          BytesRef bound = new BytesRef(after);
          while (live.size() < limit) {
            List<BytesRef> candidates = idsAfter(searcher, bound, limit - live.size());
            if (candidates.isEmpty()) {
              break;
            }
            for (BytesRef id : candidates) {
              if (searcher.count(new TermQuery(new Term(DOCUMENT, id))) > 0) {
                live.add(id.utf8ToString());
              }
            }
            bound = candidates.get(candidates.size() - 1);
          }
          return live;
        });
  }

  /**
   * The first ids after the bound in term order, at most {@code limit}, some perhaps of deleted
   * chunks only: each segment's terms are sorted, so the first ones after the bound of every
   * segment, merged, hold the first ones overall.
   */
  private static List<BytesRef> idsAfter(IndexSearcher searcher, BytesRef bound, int limit)
      throws IOException {
    TreeSet<BytesRef> ids = new TreeSet<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(DOCUMENT);
      if (terms == null) {
        continue;
      }
      TermsEnum each = terms.iterator();
      if (each.seekCeil(bound) == TermsEnum.SeekStatus.END) {
        continue;
      }
      int taken = 0;
      for (BytesRef term = each.term(); term != null && taken < limit; term = each.next()) {
        if (!term.bytesEquals(bound)) {
          ids.add(BytesRef.deepCopyOf(term));
          taken++;
        }
      }
    }
    return ids.stream().limit(limit).toList();
  }

  @Override
  public long count(ChunkFilter filter) {
    return withSearcher(searcher -> (long) searcher.count(filterQuery(filter)));
  }

  @Override
  public List<CollectionInfo> collections() {
    return withSearcher(
        searcher -> {
          List<String> names = new ArrayList<>();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(COLLECTION);
            if (terms == null) {
              continue;
            }
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
              String name = term.utf8ToString();
              if (!names.contains(name)) {
                names.add(name);
              }
            }
          }
          List<CollectionInfo> collections = new ArrayList<>();
          for (String name : names.stream().sorted().toList()) {
            TermQuery query = new TermQuery(new Term(COLLECTION, name));
            int chunks = searcher.count(query);
            if (chunks > 0) {
              collections.add(new CollectionInfo(name, chunks, mostUsedModel(searcher, query)));
            }
          }
          return collections;
        });
  }

  /**
   * Commits what was written and closes; a merge under way is given up rather than waited for (the
   * index stays as last committed).
   */
  @Override
  public void close() {
    try {
      if (merger != null) {
        merger.shutdown();
      }
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.commit();
        writer.rollback();
      }
      if (merger != null) {
        merger.awaitTermination(10, TimeUnit.SECONDS);
      }
      analyzer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the vector index failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String mostUsedModel(IndexSearcher searcher, Query collection) throws IOException {
    Map<String, Integer> models = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(MODEL);
      if (terms == null) {
        continue;
      }
      TermsEnum each = terms.iterator();
      for (BytesRef term = each.next(); term != null; term = each.next()) {
        models.putIfAbsent(term.utf8ToString(), 0);
      }
    }
    String best = null;
    int bestCount = 0;
    for (String model : models.keySet()) {
      int count =
          searcher.count(
              new BooleanQuery.Builder()
                  .add(collection, BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term(MODEL, model)), BooleanClause.Occur.FILTER)
                  .build());
      if (count > bestCount) {
        best = model;
        bestCount = count;
      }
    }
    return best;
  }

  static Query filterQuery(ChunkFilter filter) {
    if (filter.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (filter.collection() != null) {
      query.add(
          new TermQuery(new Term(COLLECTION, filter.collection())), BooleanClause.Occur.FILTER);
    }
    if (!filter.categories().isEmpty()) {
      query.add(
          new TermInSetQuery(CATEGORY, filter.categories().stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (filter.contentType() != null) {
      query.add(
          new TermQuery(new Term(CONTENT_TYPE, filter.contentType())), BooleanClause.Occur.FILTER);
    }
    if (filter.createdAfter() != null || filter.createdBefore() != null) {
      long from =
          filter.createdAfter() == null ? Long.MIN_VALUE : filter.createdAfter().toEpochMilli();
      long to =
          filter.createdBefore() == null
              ? Long.MAX_VALUE
              : filter.createdBefore().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(CREATED, from, to), BooleanClause.Occur.FILTER);
    }
    filter
        .metadata()
        .forEach(
            (key, value) ->
                query.add(
                    new TermQuery(new Term(METADATA_PREFIX + key, value)),
                    BooleanClause.Occur.FILTER));
    return query.build();
  }

  private static Document document(StoredChunk chunk) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.chunkId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(chunk.chunkId())));
    doc.add(new StringField(COLLECTION, chunk.collection(), Field.Store.YES));
    doc.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(DOCUMENT, new BytesRef(chunk.documentId())));
    doc.add(new StringField(VERSION, chunk.documentVersion(), Field.Store.YES));
    doc.add(new StoredField(SECTION, chunk.sectionIndex()));
    doc.add(new StoredField(CHUNK, chunk.chunkIndex()));
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    addStored(doc, HASH, chunk.contentHash());
    addText(doc, TITLE, chunk.title());
    addExact(doc, CATEGORY, chunk.category());
    addStored(doc, SOURCE, chunk.source());
    addExact(doc, CONTENT_TYPE, chunk.contentType());
    addExact(doc, LANGUAGE, chunk.language());
    if (chunk.createdAt() != null) {
      long created = chunk.createdAt().toEpochMilli();
      doc.add(new LongPoint(CREATED, created));
      doc.add(new StoredField(CREATED, created));
      doc.add(new NumericDocValuesField(CREATED, created));
    }
    if (chunk.updatedAt() != null) {
      doc.add(new StoredField(UPDATED, chunk.updatedAt().toEpochMilli()));
    }
    Instant changed = chunk.updatedAt() != null ? chunk.updatedAt() : chunk.createdAt();
    if (changed != null) {
      doc.add(new NumericDocValuesField(CHANGED, changed.toEpochMilli()));
    }
    if (!chunk.metadata().isEmpty()) {
      doc.add(new StoredField(METADATA, MetadataJson.write(chunk.metadata())));
      chunk
          .metadata()
          .forEach(
              (key, value) ->
                  doc.add(new StringField(METADATA_PREFIX + key, value, Field.Store.NO)));
    }
    doc.add(new StringField(MODEL, chunk.model(), Field.Store.YES));
    doc.add(
        new KnnFloatVectorField(
            VECTOR, Vectors.normalised(chunk.vector()), VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  private static void addStored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static void addExact(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StringField(field, value, Field.Store.YES));
    }
  }

  private static void addText(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Field.Store.YES));
    }
  }

  static StoredChunk chunk(Document doc) {
    return new StoredChunk(
        doc.get(ID),
        doc.get(COLLECTION),
        doc.get(DOCUMENT),
        doc.get(VERSION),
        doc.getField(SECTION).numericValue().intValue(),
        doc.getField(CHUNK).numericValue().intValue(),
        doc.get(TEXT),
        doc.get(HASH),
        doc.get(TITLE),
        doc.get(CATEGORY),
        doc.get(SOURCE),
        doc.get(CONTENT_TYPE),
        doc.get(LANGUAGE),
        instant(doc, CREATED),
        instant(doc, UPDATED),
        MetadataJson.read(doc.get(METADATA)),
        doc.get(MODEL),
        null);
  }

  private static Instant instant(Document doc, String field) {
    var value = doc.getField(field);
    return value == null ? null : Instant.ofEpochMilli(value.numericValue().longValue());
  }

  /** A search over the current index; nothing is found before the index exists. */
  private <T> T withSearcher(Search<T> search) {
    try {
      SearcherManager manager = searchers();
      if (manager == null) {
        return search.run(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
      }
      IndexSearcher searcher = manager.acquire();
      try {
        return search.run(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new VectorStoreException("searching the vector index failed", e);
    }
  }

  private SearcherManager searchers() throws IOException {
    SearcherManager manager = searchers;
    if (writer != null) {
      return manager;
    }
    long now = System.nanoTime();
    if (manager == null) {
      synchronized (this) {
        if (searchers == null && DirectoryReader.indexExists(directory)) {
          searchers = new SearcherManager(directory, null);
          lastRefresh = now;
        }
        return searchers;
      }
    }
    if (now - lastRefresh >= refreshNanos) {
      lastRefresh = now;
      manager.maybeRefresh();
    }
    return manager;
  }

  @FunctionalInterface
  private interface Search<T> {
    T run(IndexSearcher searcher) throws IOException;
  }
}
