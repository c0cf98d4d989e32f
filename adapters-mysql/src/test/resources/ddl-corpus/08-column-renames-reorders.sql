-- case: alter-rename-column
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, mail varchar(255) NOT NULL);
-- statement:
ALTER TABLE customers RENAME COLUMN mail TO email

-- case: alter-change-column-name-and-type
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, mail varchar(100) NOT NULL);
-- statement:
ALTER TABLE customers CHANGE COLUMN mail email varchar(255) NOT NULL DEFAULT ''

-- case: alter-move-column-after
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, name varchar(100) NOT NULL);
-- statement:
ALTER TABLE customers MODIFY COLUMN name varchar(100) NOT NULL AFTER id

-- case: alter-move-column-first
-- setup:
CREATE TABLE customers (email varchar(255) NOT NULL, id int NOT NULL PRIMARY KEY);
-- statement:
ALTER TABLE customers MODIFY id int NOT NULL FIRST

-- case: alter-add-column-first
-- setup:
CREATE TABLE customers (email varchar(255) NOT NULL);
-- statement:
ALTER TABLE customers ADD COLUMN id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST

-- case: alter-change-quoted-column-names
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, `user name` varchar(64) NOT NULL);
-- statement:
ALTER TABLE `customers` CHANGE `user name` `user_name` varchar(64) NOT NULL

-- case: alter-two-renames
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, fname varchar(50), lname varchar(50));
-- statement:
ALTER TABLE customers RENAME COLUMN fname TO first_name, RENAME COLUMN lname TO last_name

-- case: alter-swap-column-names
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, a varchar(10), b int);
-- statement:
ALTER TABLE customers CHANGE a b varchar(10), CHANGE b a int

-- case: alter-rename-key
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, KEY email (email));
-- statement:
ALTER TABLE customers RENAME KEY email TO idx_email

-- case: alter-reorder-several-columns
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY, c int, b int, a int);
-- statement:
ALTER TABLE customers MODIFY a int AFTER id, MODIFY b int AFTER a

-- case: reject-alter-rename-as
-- expect-unsupported: ALTER TABLE ... RENAME is not supported in online DDL
-- setup:
CREATE TABLE customers (id int NOT NULL PRIMARY KEY);
-- statement:
ALTER TABLE customers RENAME AS clients
