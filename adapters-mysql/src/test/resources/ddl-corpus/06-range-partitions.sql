-- case: create-table-range-partitions
-- statement:
CREATE TABLE events (
  id int NOT NULL,
  ts int NOT NULL,
  PRIMARY KEY (id, ts)
) PARTITION BY RANGE (ts) (
  PARTITION p0 VALUES LESS THAN (1000),
  PARTITION p1 VALUES LESS THAN (2000),
  PARTITION pmax VALUES LESS THAN MAXVALUE
)

-- case: create-table-range-columns-partitions
-- statement:
CREATE TABLE metrics (
  id bigint NOT NULL,
  recorded_at date NOT NULL,
  value double,
  PRIMARY KEY (id, recorded_at)
) ENGINE=InnoDB
PARTITION BY RANGE COLUMNS(recorded_at) (
  PARTITION p2023 VALUES LESS THAN ('2024-01-01'),
  PARTITION p2024 VALUES LESS THAN ('2025-01-01'),
  PARTITION pmax VALUES LESS THAN (MAXVALUE)
)

-- case: create-table-range-partitions-by-to-days
-- statement:
CREATE TABLE sessions (
  id bigint NOT NULL,
  created datetime NOT NULL,
  PRIMARY KEY (id, created)
) PARTITION BY RANGE (TO_DAYS(created)) (
  PARTITION p202401 VALUES LESS THAN (TO_DAYS('2024-02-01')),
  PARTITION p202402 VALUES LESS THAN (TO_DAYS('2024-03-01'))
)

-- case: alter-drop-range-partition
-- setup:
CREATE TABLE metrics (id bigint NOT NULL, recorded_at date NOT NULL, value double, PRIMARY KEY (id, recorded_at))
PARTITION BY RANGE COLUMNS(recorded_at) (PARTITION p2023 VALUES LESS THAN ('2024-01-01'),
  PARTITION p2024 VALUES LESS THAN ('2025-01-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE));
-- statement:
ALTER TABLE metrics DROP PARTITION p2023

-- case: alter-drop-two-range-partitions
-- setup:
CREATE TABLE metrics (id bigint NOT NULL, recorded_at date NOT NULL, value double, PRIMARY KEY (id, recorded_at))
PARTITION BY RANGE COLUMNS(recorded_at) (PARTITION p2023 VALUES LESS THAN ('2024-01-01'),
  PARTITION p2024 VALUES LESS THAN ('2025-01-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE));
-- statement:
ALTER TABLE metrics DROP PARTITION p2023, p2024

-- case: alter-add-range-partition
-- setup:
CREATE TABLE metrics (id bigint NOT NULL, recorded_at date NOT NULL, value double, PRIMARY KEY (id, recorded_at))
PARTITION BY RANGE COLUMNS(recorded_at) (PARTITION p2023 VALUES LESS THAN ('2024-01-01'),
  PARTITION p2024 VALUES LESS THAN ('2025-01-01'));
-- statement:
ALTER TABLE metrics ADD PARTITION (PARTITION p2025 VALUES LESS THAN ('2026-01-01'))

-- case: alter-reorganize-max-partition
-- setup:
CREATE TABLE events (id int NOT NULL, ts int NOT NULL, PRIMARY KEY (id, ts))
PARTITION BY RANGE (ts) (PARTITION p0 VALUES LESS THAN (1000), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- statement:
ALTER TABLE events REORGANIZE PARTITION pmax INTO (
  PARTITION p1 VALUES LESS THAN (2000),
  PARTITION pmax VALUES LESS THAN MAXVALUE
)

-- case: alter-truncate-partition
-- setup:
CREATE TABLE events (id int NOT NULL, ts int NOT NULL, PRIMARY KEY (id, ts))
PARTITION BY RANGE (ts) (PARTITION p0 VALUES LESS THAN (1000), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- statement:
ALTER TABLE events TRUNCATE PARTITION p0

-- case: alter-partition-by-range
-- setup:
CREATE TABLE events (id int NOT NULL, ts int NOT NULL, PRIMARY KEY (id, ts));
-- statement:
ALTER TABLE events PARTITION BY RANGE (ts) (
  PARTITION p0 VALUES LESS THAN (1000),
  PARTITION pmax VALUES LESS THAN MAXVALUE
)

-- case: alter-remove-partitioning
-- setup:
CREATE TABLE events (id int NOT NULL, ts int NOT NULL, PRIMARY KEY (id, ts))
PARTITION BY RANGE (ts) (PARTITION p0 VALUES LESS THAN (1000), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- statement:
ALTER TABLE events REMOVE PARTITIONING

-- case: reject-drop-partition-if-exists
-- expect-unsupported: cannot parse DDL statement
-- setup:
CREATE TABLE events (id int NOT NULL, ts int NOT NULL, PRIMARY KEY (id, ts))
PARTITION BY RANGE (ts) (PARTITION p0 VALUES LESS THAN (1000), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- statement:
ALTER TABLE events DROP PARTITION IF EXISTS p0
