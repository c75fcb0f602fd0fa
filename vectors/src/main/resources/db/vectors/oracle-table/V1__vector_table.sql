-- A vector table other than vector_chunks, of the same shape (see V1 and V2 in db/vectors/oracle):
-- the table a model is switched to, made by embed-service with that model's dimension.
CREATE TABLE ${table} (
  chunk_id         VARCHAR2(512 CHAR)   NOT NULL,
  collection       VARCHAR2(256 CHAR)   NOT NULL,
  document_id      VARCHAR2(256 CHAR)   NOT NULL,
  document_version VARCHAR2(256 CHAR)   NOT NULL,
  section_index    NUMBER(10)           NOT NULL,
  chunk_index      NUMBER(10)           NOT NULL,
  text             CLOB                 NOT NULL,
  content_hash     VARCHAR2(64 CHAR),
  title            VARCHAR2(1000 CHAR),
  category         VARCHAR2(256 CHAR),
  source_path      VARCHAR2(2000 CHAR),
  content_type     VARCHAR2(256 CHAR),
  language         VARCHAR2(16 CHAR),
  created_at       TIMESTAMP WITH TIME ZONE,
  updated_at       TIMESTAMP WITH TIME ZONE,
  metadata         JSON,
  model_id         VARCHAR2(256 CHAR)   NOT NULL,
  embedding        VECTOR(${vector_dimension}, FLOAT32) NOT NULL,
  CONSTRAINT ${table}_pk PRIMARY KEY (chunk_id)
);

CREATE INDEX ${table}_document ON ${table} (document_id, document_version);
CREATE INDEX ${table}_filters ON ${table} (collection, category, created_at);

CREATE VECTOR INDEX ${table}_embedding ON ${table} (embedding)
  ORGANIZATION ${vector_index_organization}
  DISTANCE COSINE
  WITH TARGET ACCURACY ${vector_index_accuracy}
  PARAMETERS (${vector_index_parameters});

CREATE INDEX ${table}_text ON ${table} (text)
  INDEXTYPE IS CTXSYS.CONTEXT
  PARAMETERS ('SYNC (ON COMMIT)');
