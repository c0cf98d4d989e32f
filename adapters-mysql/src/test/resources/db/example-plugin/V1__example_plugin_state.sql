-- A plugin's own table in the control schema, created by the plugin's own migrations.
CREATE TABLE example_plugin_state (
    migration_uuid varchar(64) NOT NULL PRIMARY KEY,
    copied_up_to   bigint      NOT NULL DEFAULT 0
);
