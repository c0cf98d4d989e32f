-- case: create-table-named-foreign-key
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, UNIQUE KEY uk_email (email));
-- statement:
CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int NOT NULL,
  KEY idx_customer (customer_id),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB

-- case: create-table-unnamed-foreign-key
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
-- statement:
CREATE TABLE payments (
  id int NOT NULL PRIMARY KEY,
  customer_id int NULL,
  FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE SET NULL
)

-- case: create-table-composite-foreign-key
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE tenants_users (tenant_id int NOT NULL, user_id int NOT NULL, PRIMARY KEY (tenant_id, user_id));
-- statement:
CREATE TABLE user_sessions (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id int NOT NULL,
  user_id int NOT NULL,
  KEY idx_tenant_user (tenant_id, user_id),
  CONSTRAINT fk_session_user FOREIGN KEY (tenant_id, user_id) REFERENCES tenants_users (tenant_id, user_id) ON DELETE RESTRICT ON UPDATE NO ACTION
)

-- case: create-table-self-referencing-foreign-key
-- flags: allow-foreign-keys
-- statement:
CREATE TABLE categories (
  id int NOT NULL PRIMARY KEY,
  parent_id int NULL,
  name varchar(100) NOT NULL,
  KEY idx_parent (parent_id),
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE
)

-- case: alter-add-named-foreign-key
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, KEY idx_customer (customer_id));
-- statement:
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)

-- case: alter-add-unnamed-foreign-key-on-indexed-column
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, KEY idx_customer (customer_id));
-- statement:
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT

-- case: alter-drop-foreign-key
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, KEY idx_customer (customer_id),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
-- statement:
ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer

-- case: alter-drop-foreign-key-and-its-index
-- flags: allow-foreign-keys
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL, KEY idx_customer (customer_id),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
-- statement:
ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer, DROP INDEX idx_customer

-- case: reject-create-table-foreign-key-without-flag
-- expect-unsupported: foreign key constraints are not supported in online DDL, see https://vitess.io/blog/2021-06-15-online-ddl-why-no-fk/
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
-- statement:
CREATE TABLE invoices (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL,
  CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) REFERENCES customers (id))

-- case: reject-alter-add-foreign-key-without-flag
-- expect-unsupported: foreign key constraints are not supported in online DDL
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
CREATE TABLE orders (id int NOT NULL PRIMARY KEY, customer_id int NOT NULL);
-- statement:
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)

-- case: reject-inline-references-without-flag
-- expect-unsupported: foreign key constraints are not supported in online DDL
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
-- statement:
CREATE TABLE notes (id int NOT NULL PRIMARY KEY, customer_id int REFERENCES customers (id))
