-- case: alter-add-modify-drop-index
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, legacy_flag tinyint(1) NOT NULL DEFAULT 0);
-- statement:
ALTER TABLE users
  ADD COLUMN last_login datetime NULL,
  ADD INDEX idx_last_login (last_login),
  MODIFY COLUMN email varchar(320) NOT NULL,
  DROP COLUMN legacy_flag

-- case: alter-with-algorithm-and-lock
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL);
-- statement:
ALTER TABLE users ADD COLUMN nickname varchar(50) NULL, ALGORITHM=INPLACE, LOCK=NONE

-- case: alter-keys-unique-drop-rename
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, tenant_id int NOT NULL, KEY idx_email (email), KEY idx_tenant (tenant_id));
-- statement:
ALTER TABLE users ADD UNIQUE KEY uk_tenant_email (tenant_id, email), DROP INDEX idx_email, RENAME INDEX idx_tenant TO idx_users_tenant

-- case: alter-replace-primary-key
-- setup:
CREATE TABLE users (id int NOT NULL, tenant_id int NOT NULL, email varchar(255) NOT NULL, PRIMARY KEY (id));
-- statement:
ALTER TABLE users DROP PRIMARY KEY, ADD PRIMARY KEY (tenant_id, id)

-- case: alter-column-defaults-and-row-format
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, status varchar(16) NOT NULL DEFAULT 'new', score int NOT NULL DEFAULT 0);
-- statement:
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active', ALTER COLUMN score DROP DEFAULT, ROW_FORMAT=DYNAMIC

-- case: alter-add-column-group
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY);
-- statement:
ALTER TABLE users ADD (created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP)

-- case: alter-table-option-before-other-clauses
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL);
-- statement:
ALTER TABLE users ROW_FORMAT=DYNAMIC, ADD COLUMN nickname varchar(50) NULL, ADD INDEX idx_nickname (nickname)

-- case: alter-if-not-exists-and-if-exists-columns
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, obsolete int);
-- statement:
ALTER TABLE users ADD COLUMN IF NOT EXISTS email varchar(255) NOT NULL, ADD COLUMN IF NOT EXISTS phone varchar(32) NULL, DROP COLUMN IF EXISTS obsolete

-- case: alter-modify-and-comment
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, bio varchar(255));
-- statement:
ALTER TABLE users MODIFY bio text COMMENT 'free text, markdown', MODIFY email varchar(255) NOT NULL COMMENT 'login', COMMENT='registered users'

-- case: alter-enum-expand-and-unsigned
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, role enum('user','admin') NOT NULL DEFAULT 'user', visits int NOT NULL DEFAULT 0);
-- statement:
ALTER TABLE users MODIFY role enum('user','admin','owner') NOT NULL DEFAULT 'user', MODIFY visits int unsigned NOT NULL DEFAULT 0

-- case: reject-alter-with-rename-table
-- expect-unsupported: ALTER TABLE ... RENAME is not supported in online DDL
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY);
-- statement:
ALTER TABLE users ADD COLUMN email varchar(255) NULL, RENAME TO users_v2

-- case: reject-alter-ignore
-- expect-unsupported: unsupported statement for Online DDL
-- setup:
CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL);
-- statement:
ALTER IGNORE TABLE users ADD UNIQUE KEY uk_email (email)
