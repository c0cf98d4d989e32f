package dev.onlineddl.adapter.mysql.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class JdbcExecutorLockIT {

    @Test
    void oneExecutorHoldsTheLockAndTheOtherIsAStandbyUntilItIsReleased(TestDatabase db) {
        try (JdbcExecutorLock active = new JdbcExecutorLock(db.dataSource(), db.name());
                JdbcExecutorLock standby = new JdbcExecutorLock(db.dataSource(), db.name())) {
            assertThat(active.tryAcquire()).isTrue();
            assertThat(active.tryAcquire()).as("held on the next check too").isTrue();
            assertThat(standby.tryAcquire()).isFalse();

            active.release();

            assertThat(standby.tryAcquire()).isTrue();
            assertThat(active.tryAcquire()).isFalse();
        }
    }

    @Test
    void locksOfDifferentTargetsDoNotExcludeEachOther(TestDatabase db) {
        try (JdbcExecutorLock first = new JdbcExecutorLock(db.dataSource(), db.name() + "_a");
                JdbcExecutorLock second = new JdbcExecutorLock(db.dataSource(), db.name() + "_b")) {
            assertThat(first.tryAcquire()).isTrue();
            assertThat(second.tryAcquire()).isTrue();
        }
    }

    @Test
    void aKilledLockConnectionIsALostLockAndTheStandbyTakesOver(TestDatabase db) throws SQLException {
        try (JdbcExecutorLock active = new JdbcExecutorLock(db.dataSource(), db.name() + "_killed");
                JdbcExecutorLock standby = new JdbcExecutorLock(db.dataSource(), db.name() + "_killed")) {
            assertThat(active.tryAcquire()).isTrue();
            long holder = holderConnectionId(db, active.lockName());

            try (Connection admin = db.server().openAdminConnection(); Statement kill = admin.createStatement()) {
                kill.execute("KILL " + holder);
            }

            // KILL returns before the killed session has released its locks: the standby, like the
            // executor's next tick, simply tries again until the server has let go.
            assertThat(acquiresWithin(standby, Duration.ofSeconds(30))).isTrue();
            assertThat(active.tryAcquire()).isFalse();
        }
    }

    private static boolean acquiresWithin(JdbcExecutorLock lock, Duration deadline) {
        try {
            await("the standby to take the lock").atMost(deadline).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .pollInSameThread().until(lock::tryAcquire);
            return true;
        } catch (ConditionTimeoutException notInTime) {
            return false;
        }
    }

    @Test
    void aLockNameTooLongForTheServerIsHashedAndStillWorks(TestDatabase db) {
        String longSchema = "s".repeat(64);
        try (JdbcExecutorLock lock = new JdbcExecutorLock(db.dataSource(), longSchema)) {
            assertThat(lock.lockName()).hasSize(64).startsWith("onlineddl:").isNotEqualTo("onlineddl:" + longSchema);
            assertThat(JdbcExecutorLock.lockNameFor(longSchema)).isEqualTo(lock.lockName());
            assertThat(lock.tryAcquire()).isTrue();
        }
        assertThat(JdbcExecutorLock.lockNameFor("shop")).isEqualTo("onlineddl:shop");
    }

    private static long holderConnectionId(TestDatabase db, String lockName) throws SQLException {
        try (Connection connection = db.openConnection();
                PreparedStatement query = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            query.setString(1, lockName);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
