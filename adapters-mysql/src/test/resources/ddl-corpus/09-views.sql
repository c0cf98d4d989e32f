-- case: create-view-simple
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW paid_orders AS SELECT id, customer_id, total FROM orders WHERE status = 'paid'

-- case: create-or-replace-view
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
CREATE VIEW paid_orders AS SELECT id FROM orders;
-- statement:
CREATE OR REPLACE VIEW paid_orders AS SELECT id, total FROM orders WHERE status IN ('paid', 'shipped')

-- case: create-view-with-options-and-check-option
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
-- statement:
CREATE ALGORITHM=MERGE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW big_orders AS
  SELECT id, total FROM orders WHERE total > 1000 WITH CASCADED CHECK OPTION

-- case: create-view-with-column-list
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW order_amounts (order_id, amount) AS SELECT id, total FROM orders

-- case: create-view-join-group-by
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW customer_totals AS
  SELECT c.id, c.email, COUNT(o.id) AS order_count, COALESCE(SUM(o.total), 0) AS spent
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id, c.email

-- case: create-view-union-all
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, total decimal(10,2) NOT NULL);
CREATE TABLE archived_orders (id int NOT NULL PRIMARY KEY, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW all_orders AS SELECT id, total, 'live' AS source FROM orders UNION ALL SELECT id, total, 'archive' FROM archived_orders

-- case: create-view-with-cte
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW top_customers AS
  WITH per_customer AS (SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id)
  SELECT customer_id, spent FROM per_customer WHERE spent > 500

-- case: create-view-if-not-exists
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, total decimal(10,2) NOT NULL);
-- statement:
CREATE VIEW IF NOT EXISTS order_ids AS SELECT id FROM orders

-- case: alter-view
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
CREATE VIEW paid_orders AS SELECT id FROM orders WHERE status = 'paid';
-- statement:
ALTER VIEW paid_orders AS SELECT id, customer_id, total FROM orders WHERE status = 'paid'

-- case: alter-view-with-algorithm-and-security
-- setup:
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, status varchar(16) NOT NULL, total decimal(10,2) NOT NULL);
CREATE VIEW order_stats AS SELECT status, COUNT(*) AS n FROM orders GROUP BY status;
-- statement:
ALTER ALGORITHM=TEMPTABLE SQL SECURITY DEFINER VIEW order_stats AS SELECT status, COUNT(*) AS n, SUM(total) AS amount FROM orders GROUP BY status

-- case: reject-create-view-schema-qualified
-- expect-unsupported: schema-qualified name
-- server: skip, it needs a second database
-- statement:
CREATE VIEW reporting.order_ids AS SELECT id FROM orders
