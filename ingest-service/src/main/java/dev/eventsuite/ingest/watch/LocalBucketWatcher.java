package dev.eventsuite.ingest.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.eventsuite.events.object.ObjectChange;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.domain.InvalidObjectNameException;
import dev.eventsuite.ingest.domain.ObjectNames;
import dev.eventsuite.ingest.service.ObjectEvents;
import dev.eventsuite.ingest.store.LocalIndex;
import dev.eventsuite.ingest.store.LocalObjectStore;
import dev.eventsuite.ingest.store.ObjectStore;
import dev.eventsuite.ingest.store.StoredObject;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Turns files appearing, changing or vanishing in local buckets into the OCI-shaped object events a
 * real bucket would send. A file counts once it has not changed for the settle time, so a file
 * still being copied is not ingested half-way. Every bucket is also compared with the index at
 * start (changes made while the service was down) and at the rescan interval (anything the file
 * system did not report).
 */
@ApplicationScoped
public class LocalBucketWatcher {

  private static final Logger LOG = Logger.getLogger(LocalBucketWatcher.class);

  private final ObjectStore store;
  private final LocalIndex index;
  private final ObjectEvents objectEvents;
  private final IngestConfig.Local config;
  private final Map<Path, Long> unsettled = new HashMap<>();
  private volatile WatchService watcher;
  private Thread thread;

  @Inject
  public LocalBucketWatcher(
      ObjectStore store, LocalIndex index, ObjectEvents objectEvents, IngestConfig config) {
    this.store = store;
    this.index = index;
    this.objectEvents = objectEvents;
    this.config = config.local();
  }

  void start(@Observes StartupEvent event) {
    if (store instanceof LocalObjectStore && config.watch()) {
      thread = new Thread(this::run, "local-bucket-watcher");
      thread.setDaemon(true);
      thread.start();
    }
  }

  void stop(@Observes ShutdownEvent event) throws IOException, InterruptedException {
    if (watcher != null) {
      watcher.close();
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  private void run() {
    Path root = ((LocalObjectStore) store).root();
    try (WatchService service = root.getFileSystem().newWatchService()) {
      watcher = service;
      Files.createDirectories(root);
      registerTree(root);
      reconcile();
      long nextRescan = System.nanoTime() + config.rescanInterval().toNanos();
      while (true) {
        WatchKey key = service.poll(config.settle().toMillis(), TimeUnit.MILLISECONDS);
        try {
          if (key != null) {
            collect(key);
          }
          handleSettled();
          if (System.nanoTime() > nextRescan) {
            nextRescan = System.nanoTime() + config.rescanInterval().toNanos();
            reconcile();
          }
        } catch (IOException | UncheckedIOException e) {
          // Files come and go while they are looked at; the next scan sees where they settled.
          LOG.debugf(e, "a file changed while it was looked at");
        }
      }
    } catch (ClosedWatchServiceException e) {
      LOG.debug("the local bucket watcher stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "the local bucket watcher stopped; restart the service to watch again");
    }
  }

  /**
   * Notes the key's changes. The key is reset whatever happens: a key left unreset never signals
   * again, and its folder would be seen only by the rescans.
   */
  private void collect(WatchKey key) throws IOException {
    Path folder = (Path) key.watchable();
    try {
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == OVERFLOW) {
          reconcile();
          continue;
        }
        Path path = folder.resolve((Path) event.context());
        if (isHidden(path)) {
          continue;
        }
        if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
          registerTree(path);
          markTree(path);
        } else {
          unsettled.put(path, System.nanoTime());
        }
      }
    } finally {
      key.reset();
    }
  }

  /** Handles the files that have not changed for the settle time. */
  private void handleSettled() {
    long settledBefore = System.nanoTime() - config.settle().toNanos();
    Iterator<Map.Entry<Path, Long>> pending = unsettled.entrySet().iterator();
    while (pending.hasNext()) {
      Map.Entry<Path, Long> entry = pending.next();
      if (entry.getValue() <= settledBefore) {
        pending.remove();
        handle(entry.getKey());
      }
    }
  }

  /** Compares every bucket with the index and announces what differs. */
  private void reconcile() throws IOException {
    LocalObjectStore local = (LocalObjectStore) store;
    Instant settledBefore = Instant.now().minus(config.settle());
    for (Path file : visibleFiles(local.root())) {
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (modified.toInstant().isBefore(settledBefore)) {
          handle(file);
        } else {
          unsettled.put(file, System.nanoTime());
        }
      } catch (NoSuchFileException e) {
        // gone already: the index comparison below notices
      }
    }
    for (LocalIndex.Indexed indexed : index.all()) {
      Path file = local.bucketFolder(indexed.bucket()).resolve(indexed.name());
      if (!Files.exists(file)) {
        handle(file);
      }
    }
  }

  /** Announces what became of one file since the index last saw it. */
  private void handle(Path file) {
    Optional<BucketObject> object = BucketObject.of(((LocalObjectStore) store).root(), file);
    if (object.isEmpty()) {
      return;
    }
    String bucket = object.get().bucket();
    String name = object.get().name();
    try {
      Optional<LocalIndex.Indexed> before = index.find(bucket, name);
      Optional<StoredObject> now = store.head(bucket, name);
      if (now.isPresent()) {
        if (before.isEmpty()) {
          objectEvents.announce(now.get(), ObjectChange.CREATED, now.get().modified());
        } else if (!before.get().eTag().equals(now.get().eTag())) {
          objectEvents.announce(now.get(), ObjectChange.UPDATED, now.get().modified());
        }
      } else if (before.isPresent()) {
        index.remove(bucket, name);
        objectEvents.announce(
            new StoredObject(
                store.namespace(),
                bucket,
                name,
                before.get().eTag(),
                before.get().size(),
                null,
                null,
                Map.of()),
            ObjectChange.DELETED,
            Instant.now());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warnf(e, "cannot tell what became of %s/%s; the next scan tries again", bucket, name);
    }
  }

  private void registerTree(Path folder) throws IOException {
    try (Stream<Path> folders = Files.walk(folder)) {
      for (Path each : folders.filter(Files::isDirectory).filter(p -> !isHidden(p)).toList()) {
        each.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      }
    }
  }

  /** A folder moved in whole brings files no event will name. */
  private void markTree(Path folder) throws IOException {
    for (Path file : visibleFiles(folder)) {
      unsettled.put(file, System.nanoTime());
    }
  }

  /** The files under a folder, those in hidden folders (such as staged uploads) left out. */
  private List<Path> visibleFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> !isHidden(p)).filter(Files::isRegularFile).toList();
    }
  }

  /** Whether a path under the root passes through a hidden file or folder. */
  private boolean isHidden(Path path) {
    Path relative = ((LocalObjectStore) store).root().relativize(path);
    for (Path segment : relative) {
      if (segment.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The bucket and object name of a file under the root, when it is a visible object. */
  record BucketObject(String bucket, String name) {

    static Optional<BucketObject> of(Path root, Path file) {
      Path relative = root.relativize(file);
      if (relative.getNameCount() < 2) {
        return Optional.empty(); // files beside the buckets belong to none
      }
      String bucket = relative.getName(0).toString();
      String name = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
      if (bucket.startsWith(".") || ObjectNames.isHidden(name)) {
        return Optional.empty();
      }
      try {
        ObjectNames.requireSafeBucket(bucket);
        ObjectNames.requireSafe(name);
        return Optional.of(new BucketObject(bucket, name));
      } catch (InvalidObjectNameException e) {
        LOG.warnf("ignoring %s: %s", file, e.getMessage());
        return Optional.empty();
      }
    }
  }
}
