package dev.onlineddl.adapter.mysql.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.port.out.SubmissionLock.SubmissionLockException;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class JdbcSubmissionLockIT {

    @Test
    void whileOneSubmissionHoldsTheLockAnotherExecutorsCannotTakeIt(TestDatabase db) {
        JdbcSubmissionLock first = new JdbcSubmissionLock(db.dataSource(), db.name());
        JdbcSubmissionLock second = new JdbcSubmissionLock(db.dataSource(), db.name(), Duration.ZERO);

        String inner = first.whileHeld(() -> {
            assertThat(isFree(db, first.lockName())).isFalse();
            assertThatThrownBy(() -> second.whileHeld(() -> "must not run"))
                    .isInstanceOf(SubmissionLockException.class)
                    .hasMessageContaining("submission lock " + second.lockName() + " was not free within PT0S")
                    .hasMessageContaining("Nothing was submitted");
            return "ran";
        });

        assertThat(inner).isEqualTo("ran");
        assertThat(isFree(db, first.lockName())).isTrue();
        assertThat(second.whileHeld(() -> "now free")).isEqualTo("now free");
    }

    @Test
    void theLockIsReleasedWhenTheWorkFails(TestDatabase db) {
        JdbcSubmissionLock lock = new JdbcSubmissionLock(db.dataSource(), db.name() + "_failing");

        assertThatThrownBy(() -> lock.whileHeld(() -> {
            throw new IllegalStateException("rejected");
        })).hasMessage("rejected");

        assertThat(isFree(db, lock.lockName())).isTrue();
    }

    @Test
    void itIsNotTheExecutorLock(TestDatabase db) {
        assertThat(new JdbcSubmissionLock(db.dataSource(), db.name()).lockName())
                .isEqualTo("onlineddl-submit:" + db.name())
                .isNotEqualTo(new JdbcExecutorLock(db.dataSource(), db.name()).lockName());
    }

    private static boolean isFree(TestDatabase db, String lockName) {
        try (Connection connection = db.openConnection();
                PreparedStatement check = connection.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            check.setString(1, lockName);
            try (ResultSet result = check.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
