-- Chunks with their embeddings, for similarity search (Oracle Database 23ai AI Vector Search).
-- ${vector_dimension}: the embedding model's dimension (384 for all-MiniLM-L6-v2).
CREATE TABLE vector_chunks (
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
  CONSTRAINT vector_chunks_pk PRIMARY KEY (chunk_id)
);

CREATE INDEX vector_chunks_document ON vector_chunks (document_id, document_version);
CREATE INDEX vector_chunks_filters ON vector_chunks (collection, category, created_at);

-- HNSW by default (in the vector memory pool, which Autonomous Database sizes itself); IVF with
-- vector_index_organization=NEIGHBOR PARTITIONS and vector_index_parameters=TYPE IVF, NEIGHBOR PARTITIONS 100.
CREATE VECTOR INDEX vector_chunks_embedding ON vector_chunks (embedding)
  ORGANIZATION ${vector_index_organization}
  DISTANCE COSINE
  WITH TARGET ACCURACY ${vector_index_accuracy}
  PARAMETERS (${vector_index_parameters});
