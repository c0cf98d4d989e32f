-- case: create-table-named-checks
-- statement:
CREATE TABLE orders (
  id int unsigned NOT NULL AUTO_INCREMENT,
  quantity int NOT NULL,
  price decimal(10,2) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT chk_quantity_positive CHECK (quantity > 0),
  CONSTRAINT chk_price_not_negative CHECK (price >= 0)
) ENGINE=InnoDB

-- case: create-table-unnamed-and-column-checks
-- statement:
CREATE TABLE accounts (
  id bigint NOT NULL PRIMARY KEY,
  balance decimal(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  status varchar(16) NOT NULL,
  CHECK (status IN ('open', 'frozen', 'closed'))
)

-- case: create-table-json-valid-check
-- statement:
CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  payload longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(payload))
) DEFAULT CHARSET=utf8mb4

-- case: create-table-check-between-columns
-- statement:
CREATE TABLE bookings (
  id int NOT NULL PRIMARY KEY,
  starts_at datetime NOT NULL,
  ends_at datetime NOT NULL,
  CONSTRAINT chk_booking_range CHECK (ends_at > starts_at)
)

-- case: alter-add-named-check
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL, stock int NOT NULL DEFAULT 0,
  CONSTRAINT chk_price_positive CHECK (price > 0));
-- statement:
ALTER TABLE products ADD CONSTRAINT chk_stock CHECK (stock >= 0)

-- case: alter-add-unnamed-check
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL, stock int NOT NULL DEFAULT 0,
  CONSTRAINT chk_price_positive CHECK (price > 0));
-- statement:
ALTER TABLE products ADD CHECK (price < 100000)

-- case: alter-add-constraint-keyword-without-name
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, weight_kg decimal(8,3) NOT NULL);
-- statement:
ALTER TABLE products ADD CONSTRAINT CHECK (weight_kg BETWEEN 0 AND 1000)

-- case: alter-drop-check-constraint
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL,
  CONSTRAINT chk_price_positive CHECK (price > 0), CONSTRAINT chk_price_cap CHECK (price < 1000000));
-- statement:
ALTER TABLE products DROP CONSTRAINT chk_price_positive

-- case: alter-replace-check-constraint
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL,
  CONSTRAINT chk_price_positive CHECK (price > 0));
-- statement:
ALTER TABLE products DROP CONSTRAINT chk_price_positive,
  ADD CONSTRAINT chk_price_positive CHECK (price > 0 AND price < 1000000)

-- case: alter-add-column-with-check
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL);
-- statement:
ALTER TABLE products
  ADD COLUMN discount_pct decimal(5,2) NOT NULL DEFAULT 0,
  ADD CONSTRAINT chk_discount CHECK (discount_pct BETWEEN 0 AND 100)

-- case: alter-drop-check-if-exists
-- setup:
CREATE TABLE products (id int NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL,
  CONSTRAINT chk_price_positive CHECK (price > 0));
-- statement:
ALTER TABLE products DROP CONSTRAINT IF EXISTS chk_legacy_rule
