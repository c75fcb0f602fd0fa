package dev.eventsuite.ingest.domain.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * JSON Lines: one object per line; blank lines are skipped, a line may end in CRLF. Lines are cut
 * from the bytes as they are, not decoded: each row's text is its JSON, read where it is used. A
 * line longer than {@link #MAX_LINE_BYTES} is an unreadable row holding its beginning, so one
 * runaway line cannot take the memory a whole file would.
 */
final class JsonLinesRowReader implements RowReader {

  /** The longest line read as a row. */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** How much of a longer line its unreadable row keeps. */
  static final int KEPT_OF_LONG_LINE = 1 << 10;

  private final InputStream in;
  private byte[] buffer = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long number;

  JsonLinesRowReader(InputStream in) {
    this.in = in;
  }

  @Override
  public Row next() throws IOException {
    while (true) {
      int newline = nextNewline();
      if (newline < 0 && !eof) {
        return tooLong();
      }
      if (newline < 0 && start == end) {
        return null;
      }
      int from = start;
      int to = newline < 0 ? end : newline;
      start = newline < 0 ? end : newline + 1;
      if (to > from && buffer[to - 1] == '\r') {
        to--;
      }
      if (!isBlank(from, to)) {
        number++;
        return new Row(number, Arrays.copyOfRange(buffer, from, to), null, null);
      }
    }
  }

  /**
   * Reads until the unread bytes hold a line break, the input ends, or the line is too long.
   *
   * @return the position of the line break, or -1
   */
  private int nextNewline() throws IOException {
    int scanned = 0;
    while (true) {
      int newline = newlineFrom(start + scanned);
      scanned = end - start;
      if (newline >= 0 || eof || scanned > MAX_LINE_BYTES) {
        return newline;
      }
      fill();
    }
  }

  private int newlineFrom(int from) {
    for (int i = from; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the unread bytes to the front, grows the buffer when they fill it, and reads more. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES + 2));
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      eof = true;
    } else {
      end += read;
    }
  }

  /** The row of a line longer than a row may be, after skipping the rest of it. */
  private Row tooLong() throws IOException {
    byte[] kept = Arrays.copyOfRange(buffer, start, start + KEPT_OF_LONG_LINE);
    long skipped = 0;
    int newline = newlineFrom(start);
    while (newline < 0 && !eof) {
      skipped += end - start;
      start = end;
      fill();
      newline = newlineFrom(start);
    }
    int lineEnd = newline < 0 ? end : newline;
    long length = skipped + lineEnd - start;
    start = newline < 0 ? end : newline + 1;
    number++;
    return new Row(
        number,
        kept,
        null,
        "the line is "
            + length
            + " bytes long; a row may have at most "
            + MAX_LINE_BYTES
            + " (the first "
            + KEPT_OF_LONG_LINE
            + " are kept)");
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
