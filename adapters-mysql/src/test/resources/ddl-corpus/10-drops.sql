-- case: drop-table
-- setup:
CREATE TABLE old_orders (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE old_orders

-- case: drop-table-if-exists
-- setup:
CREATE TABLE old_orders (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE IF EXISTS old_orders

-- case: drop-table-if-exists-missing
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE IF EXISTS never_created

-- case: drop-several-tables
-- setup:
CREATE TABLE tmp_a (id int NOT NULL PRIMARY KEY);
CREATE TABLE tmp_b (id int NOT NULL PRIMARY KEY);
CREATE TABLE `tmp c` (id int NOT NULL PRIMARY KEY);
CREATE TABLE keep_me (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE tmp_a, tmp_b, `tmp c`

-- case: drop-several-tables-if-exists-some-missing
-- setup:
CREATE TABLE tmp_a (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE IF EXISTS tmp_a, tmp_missing

-- case: drop-table-restrict
-- setup:
CREATE TABLE old_orders (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE old_orders RESTRICT

-- case: drop-table-cascade-quoted
-- setup:
CREATE TABLE `old-orders` (id int NOT NULL PRIMARY KEY);
-- statement:
DROP TABLE `old-orders` CASCADE

-- case: drop-view
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY);
CREATE VIEW order_ids AS SELECT id FROM orders;
-- statement:
DROP VIEW order_ids

-- case: drop-views-if-exists
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY);
CREATE VIEW v_one AS SELECT id FROM orders;
CREATE VIEW v_two AS SELECT id FROM orders;
-- statement:
DROP VIEW IF EXISTS v_one, v_two, v_three

-- case: reject-drop-temporary-table
-- expect-unsupported: unsupported statement for Online DDL
-- statement:
DROP TEMPORARY TABLE IF EXISTS tmp_session_data

-- case: reject-drop-index
-- expect-unsupported: unsupported statement for Online DDL
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, total int, KEY idx_total (total));
-- statement:
DROP INDEX idx_total ON orders

-- case: reject-truncate-table
-- expect-unsupported: unsupported statement for Online DDL
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY);
-- statement:
TRUNCATE TABLE orders

-- case: reject-drop-schema-qualified-table
-- expect-unsupported: schema-qualified name
-- statement:
DROP TABLE IF EXISTS archive_db.old_orders
