package dev.onlineddl.domain.ddl;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.TreeMap;

/**
 * An ALTER TABLE that runs as an immediate operation instead of a full table copy (Vitess's
 * special plans): the executor runs it directly, stores {@link #toJson()} in {@code special_plan} and
 * completes the migration. None of these is revertible.
 */
public sealed interface SpecialAlterPlan
        permits SpecialAlterPlan.InstantDdl, SpecialAlterPlan.DropRangePartition, SpecialAlterPlan.AddRangePartition {

    /**
     * The decision over the plan, one function per kind of plan: a plan added later does not
     * compile until every caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<InstantDdl, R> instantDdl, Function<AddRangePartition, R> addRangePartition,
            Function<DropRangePartition, R> dropRangePartition);

    /** Vitess's operation name, stored under {@code "operation"}. */
    String operation();

    /** What the plan acts on, stored next to the operation; sorted by key. */
    Map<String, String> details();

    /**
     * The {@code special_plan} column value: one flat JSON object of the operation and the
     * details, keys sorted and characters escaped as Vitess's Go {@code json.Marshal} does, so
     * that rows written by either implementation read the same.
     */
    default String toJson() {
        Map<String, String> fields = new TreeMap<>(details());
        fields.put("operation", operation());
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendJsonString(json, key);
            json.append(':');
            appendJsonString(json, value);
        });
        return json.append('}').toString();
    }

    private static void appendJsonString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                // Go escapes these for safe embedding in HTML; partition definitions rarely hold them
                case '<', '>', '&', '\u2028', '\u2029' -> json.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * Every change of the ALTER can be made with {@code ALGORITHM=INSTANT} on this server.
     *
     * @param instantAlterSql the ALTER to run: the user's, with its ALGORITHM set to INSTANT
     */
    record InstantDdl(String instantAlterSql) implements SpecialAlterPlan {
        public InstantDdl {
            Objects.requireNonNull(instantAlterSql, "instant ALTER");
        }

        @Override
        public <R> R match(Function<InstantDdl, R> instantDdl, Function<AddRangePartition, R> addRangePartition,
                Function<DropRangePartition, R> dropRangePartition) {
            return instantDdl.apply(this);
        }

        @Override
        public String operation() {
            return "instant-ddl";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    /**
     * {@code ALTER TABLE t DROP PARTITION p} on a RANGE-partitioned table: the partition's rows are
     * exchanged into an artifact table, then the partition is dropped.
     *
     * @param partitionName       the partition dropped
     * @param partitionDefinition its definition as the table has it, e.g. {@code PARTITION p1 VALUES LESS THAN (10)}
     * @param nextPartitionName   the partition after it, which takes over its range; empty if it was the last
     */
    record DropRangePartition(String partitionName, String partitionDefinition, String nextPartitionName)
            implements SpecialAlterPlan {
        public DropRangePartition {
            Objects.requireNonNull(partitionName, "partition name");
            Objects.requireNonNull(partitionDefinition, "partition definition");
            Objects.requireNonNull(nextPartitionName, "next partition name");
        }

        @Override
        public <R> R match(Function<InstantDdl, R> instantDdl, Function<AddRangePartition, R> addRangePartition,
                Function<DropRangePartition, R> dropRangePartition) {
            return dropRangePartition.apply(this);
        }

        @Override
        public String operation() {
            return "drop-range-partition";
        }

        @Override
        public Map<String, String> details() {
            return new TreeMap<>(Map.of(
                    "partition_name", partitionName,
                    "partition_definition", partitionDefinition,
                    "next_partition_name", nextPartitionName));
        }
    }

    /**
     * {@code ALTER TABLE t ADD PARTITION (PARTITION p ...)} of one partition on a RANGE-partitioned
     * table: a metadata change MySQL makes without copying rows.
     */
    record AddRangePartition(String partitionName, String partitionDefinition) implements SpecialAlterPlan {
        public AddRangePartition {
            Objects.requireNonNull(partitionName, "partition name");
            Objects.requireNonNull(partitionDefinition, "partition definition");
        }

        @Override
        public <R> R match(Function<InstantDdl, R> instantDdl, Function<AddRangePartition, R> addRangePartition,
                Function<DropRangePartition, R> dropRangePartition) {
            return addRangePartition.apply(this);
        }

        @Override
        public String operation() {
            return "add-range-partition";
        }

        @Override
        public Map<String, String> details() {
            return new TreeMap<>(Map.of(
                    "partition_name", partitionName,
                    "partition_definition", partitionDefinition));
        }
    }
}
