package dev.onlineddl.domain.throttle;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * What a THROTTLE or UNTHROTTLE acts on: one migration, or all online DDL migrations. The
 * throttler knows them as apps: one migration is the app named by its UUID, all of them are
 * the app {@code online-ddl}, which every migration's throttle check also consults.
 */
public sealed interface ThrottleTarget {

    /** The throttler app that stands for all online DDL migrations (Vitess {@code throttlerOnlineDDLApp}). */
    String ONLINE_DDL_APP = "online-ddl";

    /** The name the throttler knows this target by. */
    String appName();

    static ThrottleTarget migration(MigrationUuid uuid) {
        return new OneMigration(uuid);
    }

    static ThrottleTarget allMigrations() {
        return AllMigrations.INSTANCE;
    }

    /** {@code ALTER VITESS_MIGRATION '<uuid>' THROTTLE}. */
    record OneMigration(MigrationUuid uuid) implements ThrottleTarget {
        public OneMigration {
            Objects.requireNonNull(uuid, "uuid");
        }

        @Override
        public String appName() {
            return uuid.value();
        }
    }

    /** {@code ALTER VITESS_MIGRATION THROTTLE ALL}. */
    enum AllMigrations implements ThrottleTarget {
        INSTANCE;

        @Override
        public String appName() {
            return ONLINE_DDL_APP;
        }
    }
}
