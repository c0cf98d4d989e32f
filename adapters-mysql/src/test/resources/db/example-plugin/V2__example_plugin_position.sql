ALTER TABLE example_plugin_state ADD COLUMN binlog_position varchar(255) NOT NULL DEFAULT '';
