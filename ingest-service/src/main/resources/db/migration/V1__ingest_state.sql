-- ingest-service's state, the same for Oracle Database and H2 in Oracle mode.

-- Each object version ingested, or being ingested, so an event for a version already done is
-- skipped and an interrupted one resumes where it stopped.
CREATE TABLE ingested_objects (
  namespace      VARCHAR2(256 CHAR) NOT NULL,
  bucket         VARCHAR2(256 CHAR) NOT NULL,
  object_name    VARCHAR2(1024 CHAR) NOT NULL,
  etag           VARCHAR2(256 CHAR) NOT NULL,
  kind           VARCHAR2(32 CHAR) NOT NULL,
  status         VARCHAR2(32 CHAR) NOT NULL,
  -- Tabular objects: rows read and published so far, and the hash of their text, by which an
  -- update that only appended rows is recognised.
  rows_done      NUMBER(19) DEFAULT 0 NOT NULL,
  rows_hash      VARCHAR2(64 CHAR),
  sections       NUMBER(10) DEFAULT 0 NOT NULL,
  detail         VARCHAR2(1000 CHAR),
  updated_at     TIMESTAMP NOT NULL,
  CONSTRAINT ingested_objects_pk PRIMARY KEY (namespace, bucket, object_name)
);

-- What is known of the files in local buckets: their version (SHA-256 of the content) for a size
-- and modification time, and what an upload stored with them.
CREATE TABLE local_objects (
  bucket         VARCHAR2(256 CHAR) NOT NULL,
  object_name    VARCHAR2(1024 CHAR) NOT NULL,
  etag           VARCHAR2(64 CHAR) NOT NULL,
  size_bytes     NUMBER(19) NOT NULL,
  modified_nanos NUMBER(19) NOT NULL,
  content_type   VARCHAR2(255 CHAR),
  user_metadata  VARCHAR2(4000 CHAR),
  CONSTRAINT local_objects_pk PRIMARY KEY (bucket, object_name)
);
