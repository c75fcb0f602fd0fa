package dev.eventsuite.ingest.domain;

/** What an object holds, and so what becomes of it. */
public enum ContentKind {
  /** Comma-separated rows with a header: one metric event per row. */
  CSV,
  /** Tab-separated rows with a header: one metric event per row. */
  TSV,
  /** One JSON object per line: one metric event per line. */
  JSON_LINES,
  /** A JSON array of objects: one metric event per element. */
  JSON_ARRAY,
  /** Text, Markdown, HTML, PDF, DOCX and other documents: text in sections. */
  DOCUMENT,
  /** Images: what their format and metadata say, and optionally what an analyser sees. */
  IMAGE,
  /** Archives, executables, audio, video and the like: not ingested. */
  UNSUPPORTED;

  public boolean isTabular() {
    return this == CSV || this == TSV || this == JSON_LINES || this == JSON_ARRAY;
  }
}
