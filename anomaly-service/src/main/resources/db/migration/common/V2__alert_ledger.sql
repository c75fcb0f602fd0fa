-- H2 (Oracle mode) and Oracle Database alike.
-- Alerts are delivered from the anomalies topic, at least once: what was decided and delivered is
-- kept here, so a redelivered record neither alerts twice nor loses its entity's suppression.

-- Each entity's current suppression interval: when it began, the anomaly alerted then, the count
-- of held-back anomalies that rode with that alert, and those held back since. The position of the
-- last anomalies record decided makes a redelivered record give the same answer as before.
CREATE TABLE alert_intervals (
  entity_id        VARCHAR2(256 CHAR) NOT NULL,
  started_at       TIMESTAMP NOT NULL,
  anomaly_id       VARCHAR2(256 CHAR) NOT NULL,
  carried          NUMBER(19) NOT NULL,
  suppressed       NUMBER(19) NOT NULL,
  source_partition NUMBER(10) NOT NULL,
  source_offset    NUMBER(19) NOT NULL,
  CONSTRAINT alert_intervals_pk PRIMARY KEY (entity_id)
);

-- Each notifier that accepted an alert: a redelivered alert goes only to those that did not.
CREATE TABLE alert_deliveries (
  anomaly_id   VARCHAR2(256 CHAR) NOT NULL,
  notifier     VARCHAR2(64 CHAR) NOT NULL,
  delivered_at TIMESTAMP NOT NULL,
  CONSTRAINT alert_deliveries_pk PRIMARY KEY (anomaly_id, notifier)
);
CREATE INDEX alert_deliveries_time ON alert_deliveries (delivered_at);
