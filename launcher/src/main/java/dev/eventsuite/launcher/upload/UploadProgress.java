package dev.eventsuite.launcher.upload;

/** Told how an upload advances; called from the upload threads. */
public interface UploadProgress {

  /** The work ahead, once the plan is known. */
  void start(int files, long bytes);

  /** Bytes handed to the connection; negative when a failed attempt's bytes are taken back. */
  void bytes(long count);

  /** A file is finished, sent, skipped or failed; its bytes not yet reported count as done. */
  void fileDone(long remainingBytes);

  /** The upload is over. */
  void finish();

  /** Progress nobody watches. */
  UploadProgress NONE =
      new UploadProgress() {
        @Override
        public void start(int files, long bytes) {}

        @Override
        public void bytes(long count) {}

        @Override
        public void fileDone(long remainingBytes) {}

        @Override
        public void finish() {}
      };
}
