package dev.eventsuite.launcher.upload;

import dev.eventsuite.launcher.upload.UploadPlan.LocalFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads a plan's files into a bucket, a few at a time. A file whose object already holds the same
 * content is skipped: local buckets version an object by the SHA-256 of its bytes, so a file of the
 * listed size is hashed and compared with the listed eTag. A request the service refuses for being
 * busy, or that loses its connection, is tried again after a pause.
 */
public final class Uploader {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final BucketClient client;
  private final Options options;

  /**
   * @param bucket the bucket to upload to
   * @param parallelism how many files are sent at once
   * @param force send every file, even one the bucket already holds
   * @param attempts how often a file is tried when the failure may pass
   * @param retryPause the pause before the second attempt, doubled for each further one
   */
  public record Options(
      String bucket, int parallelism, boolean force, int attempts, Duration retryPause) {

    public Options {
      if (parallelism < 1 || attempts < 1) {
        throw new IllegalArgumentException("parallelism and attempts must be at least 1");
      }
    }
  }

  public Uploader(BucketClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  /**
   * Uploads the plan's files and reports each one's fate; a failed file never stops the others.
   *
   * @throws IOException when the bucket cannot be listed, so nothing was tried
   */
  public UploadReport upload(UploadPlan plan, UploadProgress progress) throws IOException {
    Map<String, BucketClient.Listed> listed =
        options.force() || plan.files().isEmpty()
            ? Map.of()
            : client.list(options.bucket(), commonPrefix(plan.files()));
    List<UploadReport.Sent> sent = Collections.synchronizedList(new ArrayList<>());
    List<String> unchanged = Collections.synchronizedList(new ArrayList<>());
    List<UploadReport.Failed> failed = Collections.synchronizedList(new ArrayList<>());
    progress.start(plan.files().size(), plan.totalBytes());
    ExecutorService workers = Executors.newFixedThreadPool(options.parallelism());
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (LocalFile file : plan.files()) {
        tasks.add(
            workers.submit(
                () -> {
                  AtomicLong reported = new AtomicLong();
                  try {
                    if (isUnchanged(file, listed.get(file.objectName()))) {
                      unchanged.add(file.objectName());
                    } else {
                      sent.add(send(file, progress, reported));
                    }
                  } catch (UploadException e) {
                    failed.add(new UploadReport.Failed(file.objectName(), e.getMessage()));
                  } finally {
                    progress.fileDone(Math.max(0, file.size() - reported.get()));
                  }
                }));
      }
      awaitAll(tasks);
    } finally {
      workers.shutdownNow();
      progress.finish();
    }
    return new UploadReport(options.bucket(), sent, unchanged, plan.hidden(), failed);
  }

  private boolean isUnchanged(LocalFile file, BucketClient.Listed listed) throws UploadException {
    if (options.force() || listed == null || listed.size() != file.size()) {
      return false;
    }
    return listed.eTag().equalsIgnoreCase(sha256(file.path()));
  }

  private UploadReport.Sent send(LocalFile file, UploadProgress progress, AtomicLong reported)
      throws UploadException {
    String contentType = contentType(file.path());
    String lastFailure = null;
    for (int attempt = 1; attempt <= options.attempts(); attempt++) {
      if (attempt > 1) {
        progress.bytes(-reported.getAndSet(0));
        pause(options.retryPause().multipliedBy(1L << (attempt - 2)));
      }
      try {
        HttpResponse<byte[]> response =
            client.put(
                options.bucket(),
                file.objectName(),
                file.path(),
                contentType,
                count -> {
                  reported.addAndGet(count);
                  progress.bytes(count);
                });
        int status = response.statusCode();
        if (status == 200 || status == 201) {
          return new UploadReport.Sent(file.objectName(), file.size(), status == 201);
        }
        lastFailure = UploadFailure.describe(response);
        if (!UploadFailure.isTransient(status)) {
          break;
        }
      } catch (IOException e) {
        lastFailure = "not sent: " + message(e);
        if (!Files.isReadable(file.path())) {
          break;
        }
      }
    }
    throw new UploadException(lastFailure);
  }

  /** The longest prefix all names share: listing only that part of the bucket is enough. */
  static String commonPrefix(List<LocalFile> files) {
    String prefix = files.get(0).objectName();
    for (LocalFile file : files) {
      String name = file.objectName();
      int common = 0;
      while (common < prefix.length()
          && common < name.length()
          && prefix.charAt(common) == name.charAt(common)) {
        common++;
      }
      prefix = prefix.substring(0, common);
    }
    return prefix;
  }

  private static String sha256(Path file) throws UploadException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UploadException("cannot read the file: " + message(e));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String contentType(Path file) {
    try {
      String probed = Files.probeContentType(file);
      return probed == null ? OCTET_STREAM : probed;
    } catch (IOException e) {
      return OCTET_STREAM;
    }
  }

  private static String message(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void pause(Duration duration) throws UploadException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException("interrupted");
    }
  }

  private static void awaitAll(List<Future<?>> tasks) throws IOException {
    for (Future<?> task : tasks) {
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("the upload was interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("an upload task failed unexpectedly", e.getCause());
      }
    }
  }

  /** A file that could not be uploaded; the message is the reason shown to the user. */
  private static final class UploadException extends Exception {
    UploadException(String reason) {
      super(reason, null, false, false);
    }
  }
}
