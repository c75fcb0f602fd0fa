-- Keyword search over the chunks' text with Oracle Text, kept in step with every commit.
CREATE INDEX vector_chunks_text ON vector_chunks (text)
  INDEXTYPE IS CTXSYS.CONTEXT
  PARAMETERS ('SYNC (ON COMMIT)');
