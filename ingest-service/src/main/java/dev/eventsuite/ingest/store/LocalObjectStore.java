package dev.eventsuite.ingest.store;

import dev.eventsuite.ingest.domain.ObjectNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Local buckets: each folder under the root is a bucket, each file in it an object. An object's
 * version (eTag) is the SHA-256 of its content, computed once per size and modification time.
 * Uploads are written beside the buckets and moved into place, so a reader never sees half a file.
 */
public final class LocalObjectStore implements ObjectStore {

  private static final String UPLOADS = ".uploads";

  private final Path root;
  private final String namespace;
  private final LocalIndex index;

  public LocalObjectStore(Path root, String namespace, LocalIndex index) {
    this.root = root.toAbsolutePath().normalize();
    this.namespace = namespace;
    this.index = index;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public boolean reportsChanges() {
    return false;
  }

  /** The folder holding the buckets. */
  public Path root() {
    return root;
  }

  /** The folder of a bucket. */
  public Path bucketFolder(String bucket) {
    return root.resolve(ObjectNames.requireSafeBucket(bucket));
  }

  @Override
  public Optional<StoredObject> head(String bucket, String name) throws IOException {
    Path file = ObjectNames.resolve(bucketFolder(bucket), name);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!attributes.isRegularFile()) {
      return Optional.empty();
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    Optional<LocalIndex.Indexed> known = index.find(bucket, name);
    LocalIndex.Indexed current =
        known.filter(i -> i.size() == size && i.modifiedNanos() == modified).orElse(null);
    if (current == null) {
      current =
          new LocalIndex.Indexed(
              bucket,
              name,
              sha256(file),
              size,
              modified,
              known.map(LocalIndex.Indexed::contentType).orElse(null),
              known.map(LocalIndex.Indexed::userMetadata).orElse(Map.of()));
      index.save(current);
    }
    return Optional.of(stored(current));
  }

  @Override
  public InputStream open(StoredObject object) throws IOException {
    Path file = ObjectNames.resolve(bucketFolder(object.bucket()), object.name());
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.size() != object.size()
          || attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) != nanos(object.modified())) {
        throw new ObjectChangedException(object.path() + " changed since version " + object.eTag());
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ObjectChangedException(object.path() + " was deleted");
    }
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
    Path file = ObjectNames.resolve(bucketFolder(bucket), name);
    Path uploads = Files.createDirectories(root.resolve(UPLOADS));
    Path part = Files.createTempFile(uploads, "upload-", ".part");
    try {
      MessageDigest sha256 = sha256();
      long copied;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
        copied = content.transferTo(out);
      }
      if (length >= 0 && copied != length) {
        throw new IOException("the upload ended after " + copied + " of " + length + " bytes");
      }
      Files.createDirectories(file.getParent());
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      LocalIndex.Indexed indexed =
          new LocalIndex.Indexed(
              bucket,
              name,
              HexFormat.of().formatHex(sha256.digest()),
              attributes.size(),
              attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
              contentType,
              userMetadata);
      index.save(indexed);
      return stored(indexed);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public boolean delete(String bucket, String name) throws IOException {
    Path folder = bucketFolder(bucket);
    Path file = ObjectNames.resolve(folder, name);
    boolean existed = Files.deleteIfExists(file);
    index.remove(bucket, name);
    for (Path parent = file.getParent();
        existed && !parent.equals(folder);
        parent = parent.getParent()) {
      try (Stream<Path> entries = Files.list(parent)) {
        if (entries.findAny().isPresent()) {
          break;
        }
      }
      Files.delete(parent);
    }
    return existed;
  }

  @Override
  public List<StoredObject> list(String bucket, String prefix, String start, int limit)
      throws IOException {
    Path folder = bucketFolder(bucket);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<String> names;
    try (Stream<Path> files = Files.walk(folder)) {
      names =
          files
              .filter(Files::isRegularFile)
              .map(p -> folder.relativize(p).toString().replace('\\', '/'))
              .filter(n -> !ObjectNames.isHidden(n))
              .filter(n -> prefix == null || n.startsWith(prefix))
              .filter(n -> start == null || n.compareTo(start) > 0)
              .sorted()
              .limit(limit)
              .toList();
    }
    java.util.ArrayList<StoredObject> objects = new java.util.ArrayList<>();
    for (String name : names) {
      head(bucket, name).ifPresent(objects::add);
    }
    return objects;
  }

  /** Every object of every bucket, hidden files left out: what a full scan sees. */
  public List<StoredObject> scan() throws IOException {
    java.util.ArrayList<StoredObject> objects = new java.util.ArrayList<>();
    if (!Files.isDirectory(root)) {
      return objects;
    }
    try (Stream<Path> buckets = Files.list(root)) {
      for (Path bucket : buckets.filter(Files::isDirectory).sorted().toList()) {
        String name = bucket.getFileName().toString();
        if (!name.startsWith(".")) {
          objects.addAll(list(name, null, null, Integer.MAX_VALUE));
        }
      }
    }
    return objects;
  }

  private StoredObject stored(LocalIndex.Indexed indexed) {
    return new StoredObject(
        namespace,
        indexed.bucket(),
        indexed.name(),
        indexed.eTag(),
        indexed.size(),
        Instant.EPOCH.plusNanos(indexed.modifiedNanos()),
        indexed.contentType(),
        indexed.userMetadata());
  }

  private static long nanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest sha256 = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
