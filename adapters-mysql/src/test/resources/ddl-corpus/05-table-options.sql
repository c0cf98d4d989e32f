-- case: create-table-charset-collation-row-format-comment
-- statement:
CREATE TABLE settings (
  k varchar(64) NOT NULL PRIMARY KEY,
  v text
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC COMMENT='application settings'

-- case: create-table-auto-increment-and-stats
-- statement:
CREATE TABLE counters (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, n int NOT NULL DEFAULT 0)
  ENGINE=InnoDB AUTO_INCREMENT=1000 STATS_PERSISTENT=1 STATS_SAMPLE_PAGES=32

-- case: create-table-compressed
-- statement:
CREATE TABLE archive_rows (id bigint NOT NULL PRIMARY KEY, data blob) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8

-- case: create-table-aria-engine-options
-- statement:
CREATE TABLE audit_trail (id int NOT NULL PRIMARY KEY, msg varchar(255)) ENGINE=Aria TRANSACTIONAL=1 PAGE_CHECKSUM=1 CHECKSUM=1

-- case: alter-rebuild-engine
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v text);
-- statement:
ALTER TABLE settings ENGINE=InnoDB

-- case: alter-space-separated-options
-- setup:
CREATE TABLE archive_rows (id bigint NOT NULL PRIMARY KEY, data blob);
-- statement:
ALTER TABLE archive_rows ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8

-- case: alter-engine-and-default-charset
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v text) DEFAULT CHARSET=latin1;
-- statement:
ALTER TABLE settings ENGINE=InnoDB DEFAULT CHARSET=utf8mb4

-- case: alter-comment-with-algorithm
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v text);
-- statement:
ALTER TABLE settings COMMENT='key/value settings, see wiki', ALGORITHM=INPLACE

-- case: alter-default-charset-and-collation
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v text) DEFAULT CHARSET=latin1;
-- statement:
ALTER TABLE settings DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin

-- case: alter-convert-to-charset
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v text) DEFAULT CHARSET=latin1;
-- statement:
ALTER TABLE settings CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci

-- case: alter-auto-increment
-- setup:
CREATE TABLE counters (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, n int NOT NULL DEFAULT 0);
-- statement:
ALTER TABLE counters AUTO_INCREMENT=5000

-- case: alter-stats-options-comma-separated
-- setup:
CREATE TABLE counters (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, n int NOT NULL DEFAULT 0);
-- statement:
ALTER TABLE counters STATS_PERSISTENT=0, STATS_AUTO_RECALC=1, PACK_KEYS=1

-- case: reject-index-option-the-parser-misprints
-- expect-unsupported: cannot handle DDL statement safely
-- setup:
CREATE TABLE settings (k varchar(64) NOT NULL PRIMARY KEY, v varchar(255));
-- statement:
ALTER TABLE settings ADD INDEX idx_v (v) KEY_BLOCK_SIZE 8
