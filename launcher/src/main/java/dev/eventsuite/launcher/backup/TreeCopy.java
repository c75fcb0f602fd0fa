package dev.eventsuite.launcher.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes one folder tree a copy of another, writing only the blocks that differ: a second pass over
 * a tree that changed little since the first writes little. Files that vanish while the source is
 * walked are skipped, files the target has and the source no longer has are deleted. Runs of zeros
 * beyond a target file's end stay holes, so preallocated files (the broker's indexes) stay sparse.
 */
final class TreeCopy {

  private static final int BLOCK = 1 << 20;

  private final ByteBuffer source = ByteBuffer.allocate(BLOCK);
  private final ByteBuffer target = ByteBuffer.allocate(BLOCK);

  /** Whether files keep their permissions (the API key stays readable by its owner only). */
  private final boolean posix =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /**
   * What a pass did.
   *
   * @param files the regular files the target holds after the pass
   * @param bytes their total size
   * @param filesWritten the files in which at least one block was written
   * @param bytesWritten the bytes written
   */
  record Pass(long files, long bytes, long filesWritten, long bytesWritten) {}

  /**
   * Makes {@code to} a copy of {@code from}, except paths (relative to {@code from}) that {@code
   * included} refuses.
   */
  Pass sync(Path from, Path to, Predicate<Path> included) throws IOException {
    Set<Path> copied = new HashSet<>();
    long[] totals = new long[4];
    Files.createDirectories(to);
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            Path relative = from.relativize(dir);
            if (!relative.toString().isEmpty() && !included.test(relative)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(relative.toString()));
            copied.add(relative);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Path relative = from.relativize(file);
            if (!attributes.isRegularFile() || !included.test(relative)) {
              return FileVisitResult.CONTINUE;
            }
            long[] written = copyFile(file, to.resolve(relative.toString()));
            if (written == null) {
              return FileVisitResult.CONTINUE;
            }
            copied.add(relative);
            totals[0]++;
            totals[1] += written[0];
            if (written[1] > 0) {
              totals[2]++;
              totals[3] += written[1];
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    deleteAllBut(to, copied);
    return new Pass(totals[0], totals[1], totals[2], totals[3]);
  }

  /**
   * Copies one file block by block, writing the blocks that differ; returns its size and the bytes
   * written, or null when the source vanished.
   */
  private long[] copyFile(Path from, Path to) throws IOException {
    FileChannel in;
    Set<PosixFilePermission> permissions;
    try {
      in = FileChannel.open(from, StandardOpenOption.READ);
      permissions = posix ? Files.getPosixFilePermissions(from) : null;
    } catch (NoSuchFileException e) {
      return null;
    }
    try (in;
        RandomAccessFile file = new RandomAccessFile(to.toFile(), "rw");
        FileChannel out = file.getChannel()) {
      long existing = out.size();
      long position = 0;
      long written = 0;
      while (true) {
        source.clear();
        int read = readFully(in, source, position);
        if (read <= 0) {
          break;
        }
        source.flip();
        if (differs(out, position, existing, read)) {
          source.rewind();
          while (source.hasRemaining()) {
            out.write(source, position + source.position());
          }
          written += read;
        }
        position += read;
      }
      file.setLength(position);
      if (permissions != null) {
        Files.setPosixFilePermissions(to, permissions);
      }
      return new long[] {position, written};
    }
  }

  /** Whether the block just read must be written: it differs from what the target holds there. */
  private boolean differs(FileChannel out, long position, long existing, int length)
      throws IOException {
    if (position >= existing) {
      return !isZeros(source, length);
    }
    target.clear();
    target.limit(length);
    int read = readFully(out, target, position);
    target.flip();
    if (read < length) {
      return true;
    }
    return source.mismatch(target) >= 0;
  }

  private static boolean isZeros(ByteBuffer buffer, int length) {
    for (int i = 0; i < length; i++) {
      if (buffer.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static int readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    int total = 0;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  /** Deletes what {@code root} holds beyond the given relative paths, deepest first. */
  private static void deleteAllBut(Path root, Set<Path> kept) throws IOException {
    List<Path> extra;
    try (var paths = Files.walk(root)) {
      extra =
          paths
              .filter(p -> !kept.contains(root.relativize(p)))
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    for (Path path : extra) {
      Files.delete(path);
    }
  }
}
