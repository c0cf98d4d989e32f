-- The native engine's streams, one row per migration, with the fields of Vitess's _vt.vreplication.
CREATE TABLE vreplication_stream (
  id BIGINT NOT NULL AUTO_INCREMENT,
  workflow VARCHAR(64) NOT NULL COMMENT 'the migration uuid',
  source TEXT NOT NULL COMMENT 'what is streamed: source table, shadow table, iteration key',
  pos VARCHAR(10000) NOT NULL DEFAULT '' COMMENT 'position applied so far, flavour-tagged (MariaDB/0-1-42)',
  state VARCHAR(20) NOT NULL COMMENT 'Init, Copying, Running, Stopped, Error',
  message TEXT NOT NULL,
  rows_copied BIGINT NOT NULL DEFAULT 0,
  time_updated BIGINT NOT NULL DEFAULT 0 COMMENT 'unix seconds of the last write of this row',
  transaction_timestamp BIGINT NOT NULL DEFAULT 0 COMMENT 'unix seconds the last applied transaction committed',
  time_heartbeat BIGINT NOT NULL DEFAULT 0 COMMENT 'unix seconds the stream last heard from the server',
  time_throttled BIGINT NOT NULL DEFAULT 0,
  component_throttled VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'vcopier or vplayer',
  db_name VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY workflow_uk (workflow)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The copy's progress, as Vitess's _vt.copy_state: present while the copy runs, gone when it is done.
CREATE TABLE vreplication_copy_state (
  vrepl_id BIGINT NOT NULL,
  table_name VARCHAR(128) NOT NULL,
  lastpk TEXT NOT NULL COMMENT 'the last key copied',
  PRIMARY KEY (vrepl_id, table_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
