package dev.eventsuite.launcher.upload;

import java.nio.file.Path;
import java.util.List;

/**
 * How an upload went, file by file.
 *
 * @param bucket the bucket uploaded to
 * @param sent the files stored, in the order they finished
 * @param unchanged the files skipped because the bucket already holds the same content
 * @param hidden the hidden files and folders left out
 * @param failed the files not stored, each with the reason
 */
public record UploadReport(
    String bucket,
    List<Sent> sent,
    List<String> unchanged,
    List<Path> hidden,
    List<Failed> failed) {

  public UploadReport {
    sent = List.copyOf(sent);
    unchanged = List.copyOf(unchanged);
    hidden = List.copyOf(hidden);
    failed = List.copyOf(failed);
  }

  /** A file stored as an object; {@code created} is false when it replaced an older version. */
  public record Sent(String objectName, long size, boolean created) {}

  /** A file not stored, and why. */
  public record Failed(String objectName, String reason) {}

  public long sentBytes() {
    return sent.stream().mapToLong(Sent::size).sum();
  }

  public boolean succeeded() {
    return failed.isEmpty();
  }
}
