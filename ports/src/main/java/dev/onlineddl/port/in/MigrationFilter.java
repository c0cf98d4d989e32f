package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.time.Duration;

/** Which migrations {@link QueryMigrations#show} lists. */
public sealed interface MigrationFilter {

    record All() implements MigrationFilter {
    }

    /** Requested within the given period (vtctl's {@code show recent} uses one week). */
    record Recent(Duration within) implements MigrationFilter {
    }

    record ByUuid(MigrationUuid uuid) implements MigrationFilter {
    }

    record ByContext(MigrationContext context) implements MigrationFilter {
    }

    record ByStatus(MigrationStatus status) implements MigrationFilter {
    }
}
