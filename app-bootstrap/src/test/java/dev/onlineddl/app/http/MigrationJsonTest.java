package dev.onlineddl.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.fakes.JsonReads;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.MigrationFilter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationJsonTest {

    private static final MigrationUuid UUID = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");

    @Test
    void everyColumnOfTheRecordHasItsColumnName() {
        assertThat(MigrationJson.COLUMNS).hasSize(Migration.class.getRecordComponents().length).doesNotHaveDuplicates();
        ObjectNode json = MigrationJson.toJson(Migration.builder(UUID).build());
        assertThat(JsonReads.names(json)).containsExactlyElementsOf(MigrationJson.COLUMNS);
    }

    @Test
    void writesValuesAsTheColumnsHoldThem() {
        Instant requested = Instant.parse("2024-05-01T10:00:00.123456Z");
        Migration migration = Migration.builder(UUID)
                .id(7).keyspace("shop").shard("0").mysqlSchema("shop").mysqlTable("orders")
                .migrationStatement("ALTER TABLE `orders` ADD COLUMN note TEXT COMMENT \"x\"")
                .strategy("vitess").options("--postpone-completion")
                .requestedTimestamp(requested)
                .status(MigrationStatus.RUNNING).progress(42.5).etaSeconds(-1).rowsCopied(123456789012L)
                .context(MigrationContext.of("deploy:7")).ddlAction(DdlAction.ALTER)
                .postponeCompletion(true).userThrottleRatio(0.25)
                .message("line one\nline two")
                .build();

        ObjectNode json = MigrationJson.toJson(migration);

        assertThat(Json.write(json))
                .contains("\"id\":7,\"migration_uuid\":\"a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a\",\"keyspace\":\"shop\"")
                .contains("\"migration_statement\":\"ALTER TABLE `orders` ADD COLUMN note TEXT COMMENT \\\"x\\\"\"")
                .contains("\"requested_timestamp\":\"2024-05-01T10:00:00.123456Z\",\"ready_timestamp\":null")
                .contains("\"migration_status\":\"running\"")
                .contains("\"progress\":42.5")
                .contains("\"migration_context\":\"deploy:7\",\"ddl_action\":\"alter\",\"message\":\"line one\\nline two\"")
                .contains("\"eta_seconds\":-1,\"rows_copied\":123456789012")
                .contains("\"postpone_completion\":true")
                .contains("\"user_throttle_ratio\":0.25")
                .contains("\"reviewed_timestamp\":null}");
    }

    @Test
    void aMigrationWithoutActionWritesAnEmptyAction() {
        assertThat(Json.string(MigrationJson.toJson(Migration.builder(UUID).build()), "ddl_action")).contains("");
    }

    @ParameterizedTest
    @CsvSource({
            "all, All",
            "ALL, All",
            "recent, Recent",
            "queued, ByStatus",
            "Running, ByStatus",
            "cancelled, ByStatus",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a, ByUuid",
            "deploy-7, ByContext",
            "'', All"})
    void showWords(String word, String expectedKind) {
        MigrationFilter filter = MigrationFilters.parse(word);
        assertThat(filter.getClass().getSimpleName()).isEqualTo(expectedKind);
    }

    @Test
    void showWordsCarryTheirValue() {
        assertThat(MigrationFilters.parse("failed")).isEqualTo(new MigrationFilter.ByStatus(MigrationStatus.FAILED));
        assertThat(MigrationFilters.parse("recent")).isEqualTo(new MigrationFilter.Recent(Duration.ofDays(7)));
        assertThat(MigrationFilters.parse(UUID.value())).isEqualTo(new MigrationFilter.ByUuid(UUID));
        assertThat(MigrationFilters.parse("my context")).isEqualTo(new MigrationFilter.ByContext(MigrationContext.of("my context")));
    }
}
