package dev.eventsuite.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where objects live: local folders or OCI Object Storage. Reads stream; nothing is held whole. */
public interface ObjectStore {

  /** The namespace of this store's objects. */
  String namespace();

  /** Whether the store itself reports changes (OCI Events); local buckets do not. */
  boolean reportsChanges();

  /** The current version of an object, or empty when there is none. */
  Optional<StoredObject> head(String bucket, String name) throws IOException;

  /**
   * Opens a version's bytes.
   *
   * @throws ObjectChangedException when the object no longer is that version
   */
  InputStream open(StoredObject object) throws IOException;

  /**
   * Writes an object from a stream of the given length (-1 when unknown); returns its new version.
   */
  StoredObject put(
      String bucket,
      String name,
      InputStream content,
      long length,
      String contentType,
      Map<String, String> userMetadata)
      throws IOException;

  /** Deletes an object; false when there was none. */
  boolean delete(String bucket, String name) throws IOException;

  /**
   * Up to {@code limit} objects of a bucket whose names start with the prefix, after {@code start}.
   */
  List<StoredObject> list(String bucket, String prefix, String start, int limit) throws IOException;

  /** The object is not the version asked for any more: it changed or was deleted. */
  class ObjectChangedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ObjectChangedException(String message) {
      super(message);
    }
  }
}
