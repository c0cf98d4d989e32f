package dev.onlineddl.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.Migration;
import java.time.Instant;
import java.util.List;

/**
 * A migration as a JSON object whose members are the {@code schema_migrations} columns, in the
 * table's order and with its names, so that scripts written against Vitess's
 * {@code SHOW VITESS_MIGRATIONS} find the same fields. Timestamps are ISO-8601 UTC; NULL is null.
 */
public final class MigrationJson {

    /** The column names, in the order {@link #toJson} writes them. */
    public static final List<String> COLUMNS = List.of(
            "id", "migration_uuid", "keyspace", "shard", "mysql_schema", "mysql_table", "migration_statement",
            "strategy", "options", "added_timestamp", "requested_timestamp", "ready_timestamp", "started_timestamp",
            "liveness_timestamp", "completed_timestamp", "cleanup_timestamp", "migration_status", "log_path",
            "artifacts", "retries", "tablet", "tablet_failure", "progress", "migration_context", "ddl_action",
            "message", "eta_seconds", "rows_copied", "table_rows", "added_unique_keys", "removed_unique_keys",
            "log_file", "retain_artifacts_seconds", "postpone_completion", "removed_unique_key_names",
            "dropped_no_default_column_names", "expanded_column_names", "revertible_notes", "allow_concurrent",
            "reverted_uuid", "is_view", "ready_to_complete", "stowaway_table", "vitess_liveness_indicator",
            "user_throttle_ratio", "special_plan", "last_throttled_timestamp", "component_throttled",
            "cancelled_timestamp", "postpone_launch", "stage", "cutover_attempts", "is_immediate_operation",
            "reviewed_timestamp");

    private MigrationJson() {
    }

    public static ObjectNode toJson(Migration m) {
        return Json.object()
                .put("id", m.id())
                .put("migration_uuid", m.uuid().value())
                .put("keyspace", m.keyspace())
                .put("shard", m.shard())
                .put("mysql_schema", m.mysqlSchema())
                .put("mysql_table", m.mysqlTable())
                .put("migration_statement", m.migrationStatement())
                .put("strategy", m.strategy())
                .put("options", m.options())
                .put("added_timestamp", timestamp(m.addedTimestamp()))
                .put("requested_timestamp", timestamp(m.requestedTimestamp()))
                .put("ready_timestamp", timestamp(m.readyTimestamp()))
                .put("started_timestamp", timestamp(m.startedTimestamp()))
                .put("liveness_timestamp", timestamp(m.livenessTimestamp()))
                .put("completed_timestamp", timestamp(m.completedTimestamp()))
                .put("cleanup_timestamp", timestamp(m.cleanupTimestamp()))
                .put("migration_status", m.status().wireName())
                .put("log_path", m.logPath())
                .put("artifacts", m.artifacts())
                .put("retries", m.retries())
                .put("tablet", m.tablet())
                .put("tablet_failure", m.tabletFailure())
                .put("progress", m.progress())
                .put("migration_context", m.context().value())
                .put("ddl_action", m.ddlAction() == null ? "" : m.ddlAction().wireName())
                .put("message", m.message())
                .put("eta_seconds", m.etaSeconds())
                .put("rows_copied", m.rowsCopied())
                .put("table_rows", m.tableRows())
                .put("added_unique_keys", m.addedUniqueKeys())
                .put("removed_unique_keys", m.removedUniqueKeys())
                .put("log_file", m.logFile())
                .put("retain_artifacts_seconds", m.retainArtifactsSeconds())
                .put("postpone_completion", m.postponeCompletion())
                .put("removed_unique_key_names", m.removedUniqueKeyNames())
                .put("dropped_no_default_column_names", m.droppedNoDefaultColumnNames())
                .put("expanded_column_names", m.expandedColumnNames())
                .put("revertible_notes", m.revertibleNotes())
                .put("allow_concurrent", m.allowConcurrent())
                .put("reverted_uuid", m.revertedUuid())
                .put("is_view", m.view())
                .put("ready_to_complete", m.readyToComplete())
                .put("stowaway_table", m.stowawayTable())
                .put("vitess_liveness_indicator", m.livenessIndicator())
                .put("user_throttle_ratio", m.userThrottleRatio())
                .put("special_plan", m.specialPlan())
                .put("last_throttled_timestamp", timestamp(m.lastThrottledTimestamp()))
                .put("component_throttled", m.componentThrottled())
                .put("cancelled_timestamp", timestamp(m.cancelledTimestamp()))
                .put("postpone_launch", m.postponeLaunch())
                .put("stage", m.stage())
                .put("cutover_attempts", m.cutoverAttempts())
                .put("is_immediate_operation", m.immediateOperation())
                .put("reviewed_timestamp", timestamp(m.reviewedTimestamp()));
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
