package dev.onlineddl.app.daemon;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.spi.StrategyContext.Callbacks;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core hands an engine that launches an external tool for a migration: where the
 * daemon's status and throttler-check endpoints are, and a token valid for that migration only.
 * The address is known once the HTTP API listens; until then (and without an API) there are none.
 */
public final class ToolCallbacks {

    static final String STATUS_PATH = "/schema-migration/report-status";
    static final String THROTTLER_CHECK_PATH = "/throttler/check";

    private final MigrationTokens tokens;
    private volatile URI apiBase;

    public ToolCallbacks(MigrationTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The HTTP API now listens at {@code apiBase}, e.g. {@code http://127.0.0.1:15100}. */
    void serveAt(URI apiBase) {
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    }

    public Optional<Callbacks> forMigration(MigrationUuid uuid) {
        URI base = apiBase;
        if (base == null) {
            return Optional.empty();
        }
        return Optional.of(new Callbacks(base.resolve(STATUS_PATH), base.resolve(THROTTLER_CHECK_PATH), tokens.issue(uuid)));
    }
}
