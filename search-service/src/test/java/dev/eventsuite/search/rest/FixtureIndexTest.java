package dev.eventsuite.search.rest;

import dev.eventsuite.search.SearchIndex;
import dev.eventsuite.vectors.embedding.EmbeddingModel;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose tests search the fixture documents, written once for the class. */
abstract class FixtureIndexTest {

  /** The fixture's index, open for the class's tests to add to. */
  static SearchIndex index;

  @Inject EmbeddingModel model;

  @BeforeEach
  void writeTheIndexOnce() {
    if (index == null) {
      index = new SearchIndex(model).withFixture();
    }
  }

  @AfterAll
  static void closeTheIndex() {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
