package dev.eventsuite.ingest.store;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.model.Range;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCI Object Storage through the OCI Java SDK. Objects are read in ranges, each request pinned to
 * the version being ingested with {@code If-Match}, so an object of any size is read in bounded
 * memory and a version replaced mid-read is noticed rather than mixed.
 */
public final class OciObjectStore implements ObjectStore {

  private static final int NOT_FOUND = 404;
  private static final int PRECONDITION_FAILED = 412;

  private final ObjectStorage client;
  private final String namespace;
  private final long chunkSize;

  public OciObjectStore(ObjectStorage client, String namespace, long chunkSize) {
    this.client = client;
    this.namespace = namespace;
    this.chunkSize = chunkSize;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public boolean reportsChanges() {
    return true;
  }

  @Override
  public Optional<StoredObject> head(String bucket, String name) throws IOException {
    try {
      HeadObjectResponse head =
          client.headObject(
              HeadObjectRequest.builder()
                  .namespaceName(namespace)
                  .bucketName(bucket)
                  .objectName(name)
                  .build());
      return Optional.of(
          new StoredObject(
              namespace,
              bucket,
              name,
              head.getETag(),
              head.getContentLength(),
              head.getLastModified().toInstant(),
              head.getContentType(),
              head.getOpcMeta()));
    } catch (BmcException e) {
      if (e.getStatusCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw new IOException(
          "cannot read " + namespace + "/" + bucket + "/" + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(StoredObject object) {
    return new RangedStream(object);
  }

  @Override
  public StoredObject put(
      String bucket,
      String name,
      InputStream content,
      long length,
      String contentType,
      Map<String, String> userMetadata)
      throws IOException {
    if (length < 0) {
      // The SDK needs the length up front: spool an upload of unknown length first.
      Path spool = Files.createTempFile("upload-", ".part");
      try {
        try (var out = Files.newOutputStream(spool)) {
          content.transferTo(out);
        }
        try (InputStream in = Files.newInputStream(spool)) {
          return put(bucket, name, in, Files.size(spool), contentType, userMetadata);
        }
      } finally {
        Files.deleteIfExists(spool);
      }
    }
    try {
      client.putObject(
          PutObjectRequest.builder()
              .namespaceName(namespace)
              .bucketName(bucket)
              .objectName(name)
              .contentLength(length)
              .contentType(contentType)
              .opcMeta(userMetadata)
              .putObjectBody(content)
              .build());
    } catch (BmcException e) {
      throw new IOException(
          "cannot write " + namespace + "/" + bucket + "/" + name + ": " + e.getMessage(), e);
    }
    return head(bucket, name)
        .orElseThrow(
            () ->
                new IOException(
                    namespace + "/" + bucket + "/" + name + " vanished after it was written"));
  }

  @Override
  public boolean delete(String bucket, String name) throws IOException {
    try {
      client.deleteObject(
          DeleteObjectRequest.builder()
              .namespaceName(namespace)
              .bucketName(bucket)
              .objectName(name)
              .build());
      return true;
    } catch (BmcException e) {
      if (e.getStatusCode() == NOT_FOUND) {
        return false;
      }
      throw new IOException(
          "cannot delete " + namespace + "/" + bucket + "/" + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, String start, int limit)
      throws IOException {
    try {
      var response =
          client.listObjects(
              ListObjectsRequest.builder()
                  .namespaceName(namespace)
                  .bucketName(bucket)
                  .prefix(prefix)
                  .start(start)
                  .limit(limit)
                  .fields("name,size,etag,timeModified")
                  .build());
      List<StoredObject> objects = new ArrayList<>();
      for (ObjectSummary summary : response.getListObjects().getObjects()) {
        if (start != null && summary.getName().equals(start)) {
          continue; // OCI's start is inclusive; this API's is exclusive.
        }
        objects.add(
            new StoredObject(
                namespace,
                bucket,
                summary.getName(),
                summary.getEtag(),
                summary.getSize() == null ? 0 : summary.getSize(),
                summary.getTimeModified() == null ? null : summary.getTimeModified().toInstant(),
                null,
                Map.of()));
      }
      return objects;
    } catch (BmcException e) {
      throw new IOException("cannot list " + namespace + "/" + bucket + ": " + e.getMessage(), e);
    }
  }

  /**
   * An object's bytes, fetched a range at a time, each range pinned to the version with If-Match.
   */
  private final class RangedStream extends InputStream {

    private final StoredObject object;
    private long position;
    private InputStream current;

    RangedStream(StoredObject object) {
      this.object = object;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (true) {
        if (current == null) {
          if (position >= object.size()) {
            return -1;
          }
          current = fetch(position, Math.min(position + chunkSize, object.size()) - 1);
        }
        int read = current.read(buffer, offset, length);
        if (read >= 0) {
          position += read;
          return read;
        }
        current.close();
        current = null;
      }
    }

    private InputStream fetch(long first, long last) throws IOException {
      try {
        GetObjectResponse response =
            client.getObject(
                GetObjectRequest.builder()
                    .namespaceName(namespace)
                    .bucketName(object.bucket())
                    .objectName(object.name())
                    .ifMatch(object.eTag())
                    .range(new Range(first, last))
                    .build());
        return response.getInputStream();
      } catch (BmcException e) {
        if (e.getStatusCode() == PRECONDITION_FAILED || e.getStatusCode() == NOT_FOUND) {
          throw new ObjectChangedException(
              object.path() + " is no longer version " + object.eTag());
        }
        throw new IOException("cannot read " + object.path() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
