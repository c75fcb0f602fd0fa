package dev.eventsuite.ingest.domain.tabular;

import dev.eventsuite.ingest.domain.ContentKind;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the rows of a tabular object one at a time, so an object of any size is read in constant
 * memory. A row that cannot be read is returned with its error; reading goes on with the next.
 */
public interface RowReader extends AutoCloseable {

  /** The next row, or null after the last. */
  Row next() throws IOException;

  @Override
  void close() throws IOException;

  /** A reader of the given tabular kind over a UTF-8 stream. */
  static RowReader of(ContentKind kind, InputStream in) throws IOException {
    return switch (kind) {
      case CSV -> new DelimitedRowReader(in, ',');
      case TSV -> new DelimitedRowReader(in, '\t');
      case JSON_LINES -> new JsonLinesRowReader(in);
      case JSON_ARRAY -> new JsonArrayRowReader(in);
      default -> throw new IllegalArgumentException(kind + " is not tabular");
    };
  }
}
