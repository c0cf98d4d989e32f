-- The migration queue: one row per migration, shared by every onlineddl that uses this control
-- schema. Columns, types, defaults and their order are exactly those of Vitess v16
-- `_vt.schema_migrations`, so that tools and queries written for Vitess read it unchanged.
--
-- Flyway runs this with the control schema as the current schema, so the table name is not
-- qualified: the control schema's name is configurable (default `_onlineddl`).
--
-- Choices Vitess does not make (it takes the server's defaults):
--  * utf8mb4 with a binary collation: messages and statements may hold any character, and
--    UUIDs, database names, contexts and statements compare exactly (database names are case
--    sensitive on Linux; a case-insensitive collation would let one target see another's rows).
--  * indexes prefixed with `mysql_schema` (the `schema_*` ones): several target databases share
--    this table and every query onlineddl runs is scoped to its own `mysql_schema`.
CREATE TABLE `schema_migrations`
(
    `id`                              bigint unsigned  NOT NULL AUTO_INCREMENT,
    `migration_uuid`                  varchar(64)      NOT NULL,
    `keyspace`                        varchar(256)     NOT NULL,
    `shard`                           varchar(255)     NOT NULL,
    `mysql_schema`                    varchar(128)     NOT NULL,
    `mysql_table`                     varchar(128)     NOT NULL,
    `migration_statement`             text             NOT NULL,
    `strategy`                        varchar(128)     NOT NULL,
    `options`                         varchar(8192)    NOT NULL,
    `added_timestamp`                 timestamp        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `requested_timestamp`             timestamp        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `ready_timestamp`                 timestamp        NULL     DEFAULT NULL,
    `started_timestamp`               timestamp        NULL     DEFAULT NULL,
    `liveness_timestamp`              timestamp        NULL     DEFAULT NULL,
    `completed_timestamp`             timestamp(6)     NULL     DEFAULT NULL,
    `cleanup_timestamp`               timestamp        NULL     DEFAULT NULL,
    `migration_status`                varchar(128)     NOT NULL,
    `log_path`                        varchar(1024)    NOT NULL,
    `artifacts`                       text             NOT NULL,
    `retries`                         int unsigned     NOT NULL DEFAULT 0,
    `tablet`                          varchar(128)     NOT NULL DEFAULT '',
    `tablet_failure`                  tinyint unsigned NOT NULL DEFAULT 0,
    `progress`                        float            NOT NULL DEFAULT 0,
    `migration_context`               varchar(1024)    NOT NULL DEFAULT '',
    `ddl_action`                      varchar(16)      NOT NULL DEFAULT '',
    `message`                         text             NOT NULL,
    `eta_seconds`                     bigint           NOT NULL DEFAULT -1,
    `rows_copied`                     bigint unsigned  NOT NULL DEFAULT 0,
    `table_rows`                      bigint           NOT NULL DEFAULT 0,
    `added_unique_keys`               int unsigned     NOT NULL DEFAULT 0,
    `removed_unique_keys`             int unsigned     NOT NULL DEFAULT 0,
    `log_file`                        varchar(1024)    NOT NULL DEFAULT '',
    `retain_artifacts_seconds`        bigint           NOT NULL DEFAULT 0,
    `postpone_completion`             tinyint unsigned NOT NULL DEFAULT 0,
    `removed_unique_key_names`        text             NOT NULL,
    `dropped_no_default_column_names` text             NOT NULL,
    `expanded_column_names`           text             NOT NULL,
    `revertible_notes`                text             NOT NULL,
    `allow_concurrent`                tinyint unsigned NOT NULL DEFAULT 0,
    `reverted_uuid`                   varchar(64)      NOT NULL DEFAULT '',
    `is_view`                         tinyint unsigned NOT NULL DEFAULT 0,
    `ready_to_complete`               tinyint unsigned NOT NULL DEFAULT 0,
    `stowaway_table`                  tinytext         NOT NULL,
    `vitess_liveness_indicator`       bigint           NOT NULL DEFAULT 0,
    `user_throttle_ratio`             float            NOT NULL DEFAULT 0,
    `special_plan`                    text             NOT NULL,
    `last_throttled_timestamp`        timestamp        NULL     DEFAULT NULL,
    `component_throttled`             tinytext         NOT NULL,
    `cancelled_timestamp`             timestamp        NULL     DEFAULT NULL,
    `postpone_launch`                 tinyint unsigned NOT NULL DEFAULT 0,
    `stage`                           text             NOT NULL,
    `cutover_attempts`                int unsigned     NOT NULL DEFAULT 0,
    `is_immediate_operation`          tinyint unsigned NOT NULL DEFAULT 0,
    `reviewed_timestamp`              timestamp        NULL     DEFAULT NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `uuid_idx` (`migration_uuid`),
    KEY `keyspace_shard_idx` (`keyspace`(64), `shard`(64)),
    KEY `status_idx` (`migration_status`, `liveness_timestamp`),
    KEY `cleanup_status_idx` (`cleanup_timestamp`, `migration_status`),
    KEY `tablet_failure_idx` (`tablet_failure`, `migration_status`, `retries`),
    KEY `table_complete_idx` (`migration_status`, `keyspace`(64), `mysql_table`(64), `completed_timestamp`),
    KEY `migration_context_idx` (`migration_context`(64)),
    KEY `reverted_uuid_idx` (`reverted_uuid`),
    -- pending / queued / ready / running / failed-fix-up selects, in submission order
    KEY `schema_status_idx` (`mysql_schema`, `migration_status`, `id`),
    -- stale: running with old liveness
    KEY `schema_status_liveness_idx` (`mysql_schema`, `migration_status`, `liveness_timestamp`),
    -- latest complete migration on a table (revert validation)
    KEY `schema_table_complete_idx` (`mysql_schema`, `mysql_table`, `migration_status`, `completed_timestamp`),
    -- complete migration by context and statement (duplicate submission)
    KEY `schema_context_idx` (`mysql_schema`, `migration_context`(64)),
    -- uncollected artifacts
    KEY `schema_cleanup_status_idx` (`mysql_schema`, `cleanup_timestamp`, `migration_status`),
    -- automatic retry after an executor failure
    KEY `schema_tablet_failure_idx` (`mysql_schema`, `tablet_failure`, `migration_status`, `retries`)
) ENGINE = InnoDB
  DEFAULT CHARSET = utf8mb4
  COLLATE = utf8mb4_bin;
