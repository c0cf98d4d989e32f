package dev.onlineddl.domain.throttle;

import java.util.Objects;

/** What a {@link ThrottleCheck.Throttled} answer comes from. */
public sealed interface ThrottleSource {

    /** @return e.g. {@code replica db2:3306} or {@code app online-ddl} */
    String describe();

    /** A replica of the target whose measure (its lag) went beyond the threshold. */
    record Replica(String name) implements ThrottleSource {
        public Replica {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "replica " + name;
        }
    }

    /**
     * An app a user throttled: a migration's UUID, or {@value ThrottleTarget#ONLINE_DDL_APP} for
     * all of them.
     */
    record App(String appName) implements ThrottleSource {
        public App {
            Objects.requireNonNull(appName, "appName");
        }

        @Override
        public String describe() {
            return "app " + appName;
        }
    }
}
