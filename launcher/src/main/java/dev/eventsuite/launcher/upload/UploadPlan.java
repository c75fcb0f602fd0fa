package dev.eventsuite.launcher.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an upload will send: every regular file under the given paths, named as {@code oci os object
 * bulk-upload} names them (a file by its file name, a folder's files by their path inside the
 * folder), after an optional prefix. Hidden files and folders (a name starting with '.') are left
 * out and counted, as the bucket watcher ignores them too.
 *
 * @param files the files to send, in a stable order, each name once
 * @param hidden the hidden files and folders left out
 */
public record UploadPlan(List<LocalFile> files, List<Path> hidden) {

  /** A file to upload and the object name it will have. */
  public record LocalFile(Path path, String objectName, long size) {}

  public UploadPlan {
    files = List.copyOf(files);
    hidden = List.copyOf(hidden);
  }

  public long totalBytes() {
    return files.stream().mapToLong(LocalFile::size).sum();
  }

  /**
   * The plan for the given paths.
   *
   * @param prefix put before every object name; empty for none, else it ends with '/' or is used as
   *     given
   * @throws IllegalArgumentException when a path does not exist or two files would get one name
   */
  public static UploadPlan of(List<Path> paths, String prefix) {
    Map<String, LocalFile> byName = new LinkedHashMap<>();
    List<Path> hidden = new ArrayList<>();
    for (Path given : paths) {
      Path path = given.toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        walk(path, prefix, byName, hidden);
      } else if (Files.isRegularFile(path)) {
        add(byName, path, prefix + path.getFileName(), size(path));
      } else {
        throw new IllegalArgumentException("no such file or folder: " + given);
      }
    }
    return new UploadPlan(new ArrayList<>(byName.values()), hidden);
  }

  private static void walk(
      Path folder, String prefix, Map<String, LocalFile> byName, List<Path> hidden) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (!dir.equals(folder) && isHidden(dir)) {
                hidden.add(dir);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (isHidden(file)) {
                hidden.add(file);
              } else if (attributes.isRegularFile()) {
                add(byName, file, prefix + objectName(folder.relativize(file)), attributes.size());
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the folder " + folder, e);
    }
  }

  private static void add(Map<String, LocalFile> byName, Path file, String name, long size) {
    LocalFile previous = byName.putIfAbsent(name, new LocalFile(file, name, size));
    if (previous != null && !previous.path().equals(file)) {
      throw new IllegalArgumentException(
          "both " + previous.path() + " and " + file + " would be uploaded as '" + name + "'");
    }
  }

  /** A relative path as an object name: its segments joined by '/', whatever the platform. */
  private static String objectName(Path relative) {
    StringBuilder name = new StringBuilder();
    for (Path segment : relative) {
      if (!name.isEmpty()) {
        name.append('/');
      }
      name.append(segment);
    }
    return name.toString();
  }

  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
