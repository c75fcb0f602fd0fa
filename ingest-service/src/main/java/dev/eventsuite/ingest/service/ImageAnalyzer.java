package dev.eventsuite.ingest.service;

import dev.eventsuite.ingest.store.StoredObject;
import java.util.List;

/** Says what an image shows, in words that make it findable. */
public interface ImageAnalyzer {

  /**
   * What the image shows, most certain first.
   *
   * @param image the image's bytes, for analysers that need them inline
   */
  List<String> labels(StoredObject object, byte[] image) throws Exception;
}
