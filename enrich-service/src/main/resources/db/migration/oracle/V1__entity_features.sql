-- Each entity's feature state, written behind the stream at every checkpoint.
-- Oracle Database: a BLOB of a few KB is stored in the row (ENABLE STORAGE IN ROW, the default).
CREATE TABLE entity_features (
  entity_id        VARCHAR2(256 CHAR) NOT NULL,
  -- The metric event this state reflects, so a replay after a crash changes nothing.
  source_topic     VARCHAR2(249 CHAR) NOT NULL,
  source_partition NUMBER(10) NOT NULL,
  source_offset    NUMBER(19) NOT NULL,
  last_event_time  TIMESTAMP,
  -- The full state (windows, statistics) in the codec's binary form.
  state            BLOB NOT NULL,
  updated_at       TIMESTAMP NOT NULL,
  CONSTRAINT entity_features_pk PRIMARY KEY (entity_id)
);

-- A partition's entities are loaded when the partition is assigned.
CREATE INDEX entity_features_source ON entity_features (source_topic, source_partition);
