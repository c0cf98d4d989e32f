package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;
import java.util.Optional;

/**
 * @param sql      one or more statements separated by {@code ;}
 * @param strategy strategy string, e.g. {@code "vitess --postpone-completion"}; empty means the default ({@code vitess})
 * @param context  migration context; empty: the executor gives the submission a fresh {@code onlineddl:<uuid>} of its own
 * @param uuid     a UUID chosen by the caller (only with a single resulting migration); makes re-submission idempotent
 */
public record SubmissionRequest(String sql, String strategy, MigrationContext context, Optional<MigrationUuid> uuid) {

    public SubmissionRequest {
        Objects.requireNonNull(sql, "sql");
        strategy = strategy == null ? "" : strategy;
        context = context == null ? MigrationContext.NONE : context;
        uuid = uuid == null ? Optional.empty() : uuid;
    }

    public static SubmissionRequest of(String sql, String strategy) {
        return new SubmissionRequest(sql, strategy, MigrationContext.NONE, Optional.empty());
    }
}
