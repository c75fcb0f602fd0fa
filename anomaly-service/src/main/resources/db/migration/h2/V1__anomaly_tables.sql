-- H2 (Oracle mode): values kept in the row, not in H2's LOB store.
-- Every scored feature snapshot, in blocks: the snapshots of one series written by one checkpoint,
-- at most 1,000 each, packed (event id, time, value, feature, score, flag per snapshot). A block is
-- keyed by the position of its first snapshot and written in the same transaction as its series'
-- state, so a replay after a crash never scores or writes a snapshot twice. Blocks rather than a row
-- per snapshot keep the store ahead of the stream: a row per snapshot caps H2 near 30,000 a second.
CREATE TABLE scored_blocks (
  entity_id        VARCHAR2(256 CHAR) NOT NULL,
  metric           VARCHAR2(256 CHAR) NOT NULL,
  source_partition NUMBER(10) NOT NULL,
  source_offset    NUMBER(19) NOT NULL,
  -- The latest event time in the block, to find an entity's recent blocks.
  last_time        TIMESTAMP NOT NULL,
  method           VARCHAR2(128 CHAR) NOT NULL,
  points           VARBINARY NOT NULL,
  written_at       TIMESTAMP NOT NULL,
  CONSTRAINT scored_blocks_pk PRIMARY KEY (entity_id, metric, source_partition, source_offset)
);
CREATE INDEX scored_blocks_entity_time ON scored_blocks (entity_id, last_time);
CREATE INDEX scored_blocks_written_at ON scored_blocks (written_at);

-- Every anomaly, keyed by its id (derived from the event and the detector): inserted once.
CREATE TABLE anomalies (
  anomaly_id  VARCHAR2(256 CHAR) NOT NULL,
  entity_id   VARCHAR2(256 CHAR) NOT NULL,
  metric      VARCHAR2(256 CHAR) NOT NULL,
  event_id    VARCHAR2(256 CHAR) NOT NULL,
  event_time  TIMESTAMP NOT NULL,
  method      VARCHAR2(128 CHAR) NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  detected_at TIMESTAMP NOT NULL,
  -- The anomaly as published on the anomalies topic, JSON.
  body        CHARACTER VARYING(1000000) NOT NULL,
  CONSTRAINT anomalies_pk PRIMARY KEY (anomaly_id)
);
CREATE INDEX anomalies_entity_time ON anomalies (entity_id, event_time);
CREATE INDEX anomalies_time ON anomalies (event_time);

-- Each entity's metric as the detectors follow it, written behind the stream at every checkpoint.
CREATE TABLE series_state (
  entity_id        VARCHAR2(256 CHAR) NOT NULL,
  metric           VARCHAR2(256 CHAR) NOT NULL,
  -- The features record this state reflects, so a replay after a crash changes nothing.
  source_topic     VARCHAR2(249 CHAR) NOT NULL,
  source_partition NUMBER(10) NOT NULL,
  source_offset    NUMBER(19) NOT NULL,
  -- The detector the state belongs to; state of another detector is not taken back.
  method           VARCHAR2(128 CHAR) NOT NULL,
  detector_state   VARBINARY,
  -- The latest features applied (UTF-8 JSON), which live scoring starts from.
  latest_features  VARBINARY,
  updated_at       TIMESTAMP NOT NULL,
  CONSTRAINT series_state_pk PRIMARY KEY (entity_id, metric)
);
CREATE INDEX series_state_source ON series_state (source_topic, source_partition);
