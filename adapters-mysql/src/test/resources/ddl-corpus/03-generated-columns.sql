-- case: create-table-virtual-column
-- statement:
CREATE TABLE people (
  id int NOT NULL PRIMARY KEY,
  first_name varchar(50) NOT NULL,
  last_name varchar(50) NOT NULL,
  full_name varchar(101) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL
)

-- case: create-table-stored-column-with-index
-- statement:
CREATE TABLE line_items (
  id int NOT NULL PRIMARY KEY,
  qty int NOT NULL,
  unit_price decimal(10,2) NOT NULL,
  total decimal(12,2) GENERATED ALWAYS AS (qty * unit_price) STORED,
  KEY idx_total (total)
)

-- case: create-table-persistent-column
-- statement:
CREATE TABLE measurements (id int NOT NULL PRIMARY KEY, celsius double NOT NULL,
  fahrenheit double AS (celsius * 9 / 5 + 32) PERSISTENT)

-- case: create-table-json-extract-column
-- statement:
CREATE TABLE documents (
  id int NOT NULL PRIMARY KEY,
  doc longtext NOT NULL,
  doc_type varchar(32) AS (JSON_UNQUOTE(JSON_EXTRACT(doc, '$.type'))) VIRTUAL,
  KEY idx_doc_type (doc_type)
)

-- case: create-table-date-part-columns
-- statement:
CREATE TABLE access_log (
  id bigint NOT NULL PRIMARY KEY,
  created_at datetime NOT NULL,
  created_date date AS (CAST(created_at AS date)) STORED,
  created_year smallint AS (YEAR(created_at)) VIRTUAL
)

-- case: alter-add-virtual-column
-- setup:
CREATE TABLE people (id int NOT NULL PRIMARY KEY, first_name varchar(50) NOT NULL, last_name varchar(50) NOT NULL);
-- statement:
ALTER TABLE people ADD COLUMN initials char(2) AS (CONCAT(LEFT(first_name, 1), LEFT(last_name, 1))) VIRTUAL

-- case: alter-add-stored-column-after
-- setup:
CREATE TABLE line_items (id int NOT NULL PRIMARY KEY, qty int NOT NULL, unit_price decimal(10,2) NOT NULL, note text);
-- statement:
ALTER TABLE line_items ADD COLUMN total_with_tax decimal(14,2) GENERATED ALWAYS AS (qty * unit_price * 1.2) STORED AFTER unit_price

-- case: alter-modify-generated-column
-- setup:
CREATE TABLE line_items (id int NOT NULL PRIMARY KEY, qty int NOT NULL, unit_price decimal(10,2) NOT NULL,
  total decimal(12,2) GENERATED ALWAYS AS (qty * unit_price) STORED);
-- statement:
ALTER TABLE line_items MODIFY COLUMN total decimal(14,2) GENERATED ALWAYS AS (qty * unit_price) STORED

-- case: alter-drop-generated-column
-- setup:
CREATE TABLE people (id int NOT NULL PRIMARY KEY, first_name varchar(50) NOT NULL, last_name varchar(50) NOT NULL,
  full_name varchar(101) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL);
-- statement:
ALTER TABLE people DROP COLUMN full_name

-- case: alter-index-generated-column
-- setup:
CREATE TABLE documents (id int NOT NULL PRIMARY KEY, doc longtext NOT NULL,
  doc_type varchar(32) AS (JSON_UNQUOTE(JSON_EXTRACT(doc, '$.type'))) VIRTUAL);
-- statement:
ALTER TABLE documents ADD INDEX idx_doc_type (doc_type)
