package dev.onlineddl.app.http;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.MigrationFilter;
import java.time.Duration;
import java.util.Locale;

/**
 * The word after {@code show} (as in Vitess's {@code SHOW VITESS_MIGRATIONS} helpers): {@code all},
 * {@code recent} (the past week), a status, a migration UUID, or else a migration context.
 */
public final class MigrationFilters {

    /** What vtctl's {@code OnlineDDL show recent} means by recent. */
    public static final Duration RECENT = Duration.ofDays(7);

    private MigrationFilters() {
    }

    public static MigrationFilter parse(String word) {
        if (word == null || word.isBlank()) {
            return new MigrationFilter.All();
        }
        String text = word.strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "all":
                return new MigrationFilter.All();
            case "recent":
                return new MigrationFilter.Recent(RECENT);
            case "queued", "ready", "running", "complete", "failed", "cancelled":
                return new MigrationFilter.ByStatus(MigrationStatus.fromWireName(text));
            default:
                if (MigrationUuid.isValid(text)) {
                    return new MigrationFilter.ByUuid(MigrationUuid.parse(text));
                }
                return new MigrationFilter.ByContext(new MigrationContext(text));
        }
    }
}
