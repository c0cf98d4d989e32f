package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status gateway's guard holds for the scheduler's queued-to-ready step too: the scheduler
 * picks a migration on one read and marks it ready later, and in between another executor of the
 * target (a standby accepts commands) may have cancelled it.
 */
@ExtendWith(TestDatabaseExtension.class)
class MigrationStatusGatewayIT {

    private JooqMigrationStore store;
    private MigrationStatusGateway gateway;
    private MigrationUuid uuid;

    @BeforeEach
    void createQueuedMigration(TestDatabase db) {
        TestDatabase control = db.createSiblingDatabase("ctl");
        ControlSchema controlSchema = new ControlSchema(control.name());
        controlSchema.migrate(db.dataSource());
        MigrationTarget target = MigrationTarget.of(db.name());
        store = new JooqMigrationStore(db.dataSource(), controlSchema, target);
        TickTrigger noTicks = () -> { };
        gateway = new MigrationStatusGateway(store, new OwnedMigrations(), noTicks, new ExecutorCounters.Live());
        uuid = MigrationUuid.generate(Instant.now(), new SecureRandom());
        store.insert(Migration.builder(uuid)
                .keyspace(target.keyspace()).shard(target.shard()).mysqlSchema(target.mysqlSchema())
                .mysqlTable("t1").migrationStatement("create table t1 (id int primary key)").strategy("vitess")
                .options("").ddlAction(DdlAction.CREATE).context(MigrationContext.of("gateway:1"))
                .status(MigrationStatus.QUEUED).tablet("executor-1")
                .build());
    }

    private MigrationStatus status() {
        return store.findMigration(uuid).orElseThrow().status();
    }

    @Test
    void aQueuedMigrationBecomesReady() {
        gateway.markReady(uuid);

        assertThat(status()).isEqualTo(MigrationStatus.READY);
    }

    @Test
    void aMigrationCancelledAfterTheSchedulerPickedItStaysCancelled() {
        // the user's cancel, through another executor, between the scheduler's pick and its mark
        store.markTimestamp(uuid, MigrationTimestamp.CANCELLED);
        assertThat(gateway.failPending(uuid, "cancel by user")).isTrue();
        assertThat(status()).isEqualTo(MigrationStatus.CANCELLED);

        gateway.markReady(uuid);

        assertThat(status()).isEqualTo(MigrationStatus.CANCELLED);
    }
}
