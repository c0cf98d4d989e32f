package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationTest {

    private static final MigrationUuid UUID = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid OTHER_UUID = MigrationUuid.parse("b1749f7c_fd8c_11ea_9bf8_000d3a9b8a9a");

    /** Every text column, read from a row. */
    private static final List<Function<Migration, String>> TEXT_COLUMNS = List.of(
            Migration::keyspace, Migration::shard, Migration::mysqlSchema, Migration::mysqlTable,
            Migration::migrationStatement, Migration::strategy, Migration::options, Migration::logPath,
            Migration::artifacts, Migration::tablet, Migration::message, Migration::logFile,
            Migration::removedUniqueKeyNames, Migration::droppedNoDefaultColumnNames, Migration::expandedColumnNames,
            Migration::revertibleNotes, Migration::revertedUuid, Migration::stowawayTable, Migration::specialPlan,
            Migration::componentThrottled, Migration::stage);

    @Test
    void aFreshBuilderHasTheColumnDefaults() {
        Migration migration = Migration.builder(UUID).build();

        assertThat(migration.id()).isZero();
        assertThat(migration.uuid()).isEqualTo(UUID);
        assertThat(migration.status()).isEqualTo(MigrationStatus.QUEUED);
        assertThat(migration.context()).isEqualTo(MigrationContext.NONE);
        assertThat(migration.ddlAction()).isNull();
        assertThat(migration.etaSeconds()).isEqualTo(-1);
        assertThat(migration.progress()).isZero();
        assertThat(migration.rowsCopied()).isZero();
        assertThat(migration.tableRows()).isZero();
        assertThat(migration.retries()).isZero();
        assertThat(migration.retainArtifactsSeconds()).isZero();
        assertThat(migration.userThrottleRatio()).isZero();
        assertThat(migration.cutoverAttempts()).isZero();
        assertThat(migration.postponeCompletion()).isFalse();
        assertThat(migration.postponeLaunch()).isFalse();
        assertThat(migration.allowConcurrent()).isFalse();
        assertThat(migration.view()).isFalse();
        assertThat(migration.readyToComplete()).isFalse();
        assertThat(migration.immediateOperation()).isFalse();
        assertThat(migration.tabletFailure()).isFalse();
        assertThat(migration.addedTimestamp()).isNull();
        assertThat(migration.requestedTimestamp()).isNull();
        assertThat(migration.readyTimestamp()).isNull();
        assertThat(migration.startedTimestamp()).isNull();
        assertThat(migration.livenessTimestamp()).isNull();
        assertThat(migration.completedTimestamp()).isNull();
        assertThat(migration.cleanupTimestamp()).isNull();
        assertThat(migration.cancelledTimestamp()).isNull();
        assertThat(migration.lastThrottledTimestamp()).isNull();
        assertThat(migration.reviewedTimestamp()).isNull();
        TEXT_COLUMNS.forEach(column -> assertThat(column.apply(migration)).isEmpty());
        assertThat(migration.artifactList()).isEmpty();
        assertThat(migration.isRevert()).isFalse();
    }

    @Test
    void nullTextBecomesEmpty() {
        Migration migration = Migration.builder(UUID)
                .keyspace(null).shard(null).mysqlSchema(null).mysqlTable(null).migrationStatement(null)
                .strategy(null).options(null).logPath(null).artifacts(null).tablet(null).message(null)
                .logFile(null).removedUniqueKeyNames(null).droppedNoDefaultColumnNames(null)
                .expandedColumnNames(null).revertibleNotes(null).revertedUuid(null).stowawayTable(null)
                .specialPlan(null).componentThrottled(null).stage(null)
                .build();

        TEXT_COLUMNS.forEach(column -> assertThat(column.apply(migration)).isNotNull().isEmpty());
        assertThat(migration).isEqualTo(Migration.builder(UUID).build());
    }

    @Test
    void everyBuilderSetterReachesItsColumnAndToBuilderCopiesThemAll() {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        Migration migration = fullyPopulated(t);

        assertThat(migration.id()).isEqualTo(42);
        assertThat(migration.uuid()).isEqualTo(OTHER_UUID);
        assertThat(migration.keyspace()).isEqualTo("ks");
        assertThat(migration.shard()).isEqualTo("0");
        assertThat(migration.mysqlSchema()).isEqualTo("app");
        assertThat(migration.mysqlTable()).isEqualTo("t");
        assertThat(migration.migrationStatement()).isEqualTo("alter table t engine=innodb");
        assertThat(migration.strategy()).isEqualTo("vitess");
        assertThat(migration.options()).isEqualTo("--postpone-completion");
        assertThat(migration.addedTimestamp()).isEqualTo(t.plusSeconds(1));
        assertThat(migration.requestedTimestamp()).isEqualTo(t.plusSeconds(2));
        assertThat(migration.readyTimestamp()).isEqualTo(t.plusSeconds(3));
        assertThat(migration.startedTimestamp()).isEqualTo(t.plusSeconds(4));
        assertThat(migration.livenessTimestamp()).isEqualTo(t.plusSeconds(5));
        assertThat(migration.completedTimestamp()).isEqualTo(t.plusSeconds(6));
        assertThat(migration.cleanupTimestamp()).isEqualTo(t.plusSeconds(7));
        assertThat(migration.status()).isEqualTo(MigrationStatus.RUNNING);
        assertThat(migration.logPath()).isEqualTo("host:/tmp/x");
        assertThat(migration.artifacts()).isEqualTo("_vt_HOLD_1,_vt_HOLD_2,");
        assertThat(migration.retries()).isEqualTo(3);
        assertThat(migration.tablet()).isEqualTo("zone1-100");
        assertThat(migration.tabletFailure()).isTrue();
        assertThat(migration.progress()).isEqualTo(55.5);
        assertThat(migration.context()).isEqualTo(MigrationContext.of("ctx"));
        assertThat(migration.ddlAction()).isEqualTo(DdlAction.ALTER);
        assertThat(migration.message()).isEqualTo("msg");
        assertThat(migration.etaSeconds()).isEqualTo(120);
        assertThat(migration.rowsCopied()).isEqualTo(1000);
        assertThat(migration.tableRows()).isEqualTo(2000);
        assertThat(migration.addedUniqueKeys()).isEqualTo(1);
        assertThat(migration.removedUniqueKeys()).isEqualTo(2);
        assertThat(migration.logFile()).isEqualTo("/tmp/x/migration.log");
        assertThat(migration.retainArtifactsSeconds()).isEqualTo(86400);
        assertThat(migration.postponeCompletion()).isTrue();
        assertThat(migration.removedUniqueKeyNames()).isEqualTo("`uk1`");
        assertThat(migration.droppedNoDefaultColumnNames()).isEqualTo("`c1`");
        assertThat(migration.expandedColumnNames()).isEqualTo("`c2`");
        assertThat(migration.revertibleNotes()).isEqualTo("note");
        assertThat(migration.allowConcurrent()).isTrue();
        assertThat(migration.revertedUuid()).isEqualTo(UUID.value());
        assertThat(migration.view()).isTrue();
        assertThat(migration.readyToComplete()).isTrue();
        assertThat(migration.stowawayTable()).isEqualTo("stow");
        assertThat(migration.livenessIndicator()).isEqualTo(1_700_000_000L);
        assertThat(migration.userThrottleRatio()).isEqualTo(0.25);
        assertThat(migration.specialPlan()).isEqualTo("{\"operation\":\"instant-ddl\"}");
        assertThat(migration.lastThrottledTimestamp()).isEqualTo(t.plusSeconds(8));
        assertThat(migration.componentThrottled()).isEqualTo("vcopier");
        assertThat(migration.cancelledTimestamp()).isEqualTo(t.plusSeconds(9));
        assertThat(migration.postponeLaunch()).isTrue();
        assertThat(migration.stage()).isEqualTo("copying");
        assertThat(migration.cutoverAttempts()).isEqualTo(4);
        assertThat(migration.immediateOperation()).isTrue();
        assertThat(migration.reviewedTimestamp()).isEqualTo(t.plusSeconds(10));

        assertThat(migration.toBuilder().build()).isEqualTo(migration).isNotSameAs(migration);
        Migration changed = migration.toBuilder().status(MigrationStatus.COMPLETE).progress(100).build();
        assertThat(changed.status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(changed.progress()).isEqualTo(100);
        assertThat(changed.toBuilder().status(MigrationStatus.RUNNING).progress(55.5).build()).isEqualTo(migration);
        assertThat(migration.status()).as("the original is unchanged").isEqualTo(MigrationStatus.RUNNING);
    }

    private static Migration fullyPopulated(Instant t) {
        return Migration.builder(UUID)
                .id(42).uuid(OTHER_UUID).keyspace("ks").shard("0").mysqlSchema("app").mysqlTable("t")
                .migrationStatement("alter table t engine=innodb").strategy("vitess").options("--postpone-completion")
                .addedTimestamp(t.plusSeconds(1)).requestedTimestamp(t.plusSeconds(2)).readyTimestamp(t.plusSeconds(3))
                .startedTimestamp(t.plusSeconds(4)).livenessTimestamp(t.plusSeconds(5))
                .completedTimestamp(t.plusSeconds(6)).cleanupTimestamp(t.plusSeconds(7))
                .status(MigrationStatus.RUNNING).logPath("host:/tmp/x").artifacts("_vt_HOLD_1,_vt_HOLD_2,")
                .retries(3).tablet("zone1-100").tabletFailure(true).progress(55.5)
                .context(MigrationContext.of("ctx")).ddlAction(DdlAction.ALTER).message("msg").etaSeconds(120)
                .rowsCopied(1000).tableRows(2000).addedUniqueKeys(1).removedUniqueKeys(2)
                .logFile("/tmp/x/migration.log").retainArtifactsSeconds(86400).postponeCompletion(true)
                .removedUniqueKeyNames("`uk1`").droppedNoDefaultColumnNames("`c1`").expandedColumnNames("`c2`")
                .revertibleNotes("note").allowConcurrent(true).revertedUuid(UUID.value()).view(true)
                .readyToComplete(true).stowawayTable("stow").livenessIndicator(1_700_000_000L)
                .userThrottleRatio(0.25).specialPlan("{\"operation\":\"instant-ddl\"}")
                .lastThrottledTimestamp(t.plusSeconds(8)).componentThrottled("vcopier")
                .cancelledTimestamp(t.plusSeconds(9)).postponeLaunch(true).stage("copying").cutoverAttempts(4)
                .immediateOperation(true).reviewedTimestamp(t.plusSeconds(10))
                .build();
    }

    static Stream<Arguments> artifacts() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of(",", List.of()),
                Arguments.of(",,", List.of()),
                Arguments.of("a,", List.of("a")),
                Arguments.of("a", List.of("a")),
                Arguments.of("new,old,", List.of("new", "old")),
                Arguments.of(" new , ,old,", List.of("new", "old")),
                Arguments.of("_vt_HOLD_6ace8bcef73211ea87e9f875a4d24e90_20200915120410,",
                        List.of("_vt_HOLD_6ace8bcef73211ea87e9f875a4d24e90_20200915120410")));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("artifacts")
    void artifactListSplitsTheCommaTerminatedColumn(String artifacts, List<String> expected) {
        List<String> names = Migration.builder(UUID).artifacts(artifacts).build().artifactList();
        assertThat(names).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> reverts() {
        return Stream.of(
                Arguments.of(DdlAction.REVERT, "", true),
                Arguments.of(DdlAction.ALTER, UUID.value(), true),
                Arguments.of(null, UUID.value(), true),
                Arguments.of(DdlAction.ALTER, "", false),
                Arguments.of(DdlAction.CREATE, "", false),
                Arguments.of(null, "", false));
    }

    @ParameterizedTest(name = "[{index}] {0} reverting ''{1}''")
    @MethodSource("reverts")
    void aRevertIsKnownByItsActionOrItsRevertedUuid(DdlAction action, String revertedUuid, boolean revert) {
        Migration migration = Migration.builder(OTHER_UUID).ddlAction(action).revertedUuid(revertedUuid).build();
        assertThat(migration.isRevert()).isEqualTo(revert);
    }

    @Test
    void identityStatusAndContextAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> Migration.builder(null));
        assertThatNullPointerException().isThrownBy(() -> Migration.builder(UUID).uuid(null).build());
        assertThatNullPointerException().isThrownBy(() -> Migration.builder(UUID).status(null).build());
        assertThatNullPointerException().isThrownBy(() -> Migration.builder(UUID).context(null).build());
    }

    @Test
    void theMessageLimitIsTheColumns() {
        assertThat(Migration.MAX_MESSAGE_BYTES).isEqualTo(16383);
    }
}
