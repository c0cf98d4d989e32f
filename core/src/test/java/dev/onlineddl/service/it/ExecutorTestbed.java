package dev.onlineddl.service.it;

import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the executor tests of one class share: a control schema of their own (a sibling database of
 * the class's database, dropped with it). Each test gets a fresh target database from
 * {@link #newTarget()}, so that no test sees another's tables or migrations.
 */
final class ExecutorTestbed {

    private final TestDatabase classDatabase;
    private final ControlSchema controlSchema;
    private final AtomicInteger targets = new AtomicInteger();

    private ExecutorTestbed(TestDatabase classDatabase, ControlSchema controlSchema) {
        this.classDatabase = classDatabase;
        this.controlSchema = controlSchema;
    }

    static ExecutorTestbed create(TestDatabase classDatabase) throws SQLException {
        TestDatabase control = classDatabase.createSiblingDatabase("ctl");
        ControlSchema controlSchema = new ControlSchema(control.name());
        controlSchema.migrate(classDatabase.dataSource());
        return new ExecutorTestbed(classDatabase, controlSchema);
    }

    ControlSchema controlSchema() {
        return controlSchema;
    }

    /** A fresh, empty database to migrate. */
    TargetDatabase newTarget() throws SQLException {
        return new TargetDatabase(this, classDatabase.createSiblingDatabase("t" + targets.incrementAndGet()));
    }
}
