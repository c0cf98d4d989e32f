package dev.onlineddl.app.http;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoints of the external tools the daemon launches (gh-ost hooks, pt-osc plugins): Vitess's
 * {@code /schema-migration/report-status} and {@code /throttler/check}. They take a migration's own
 * token, never the API token, and a token answers for its own migration only.
 */
public final class ToolCallbackApi {

    /** Method and path of every tool endpoint. */
    public static final List<String> ROUTES = List.of(
            "GET /schema-migration/report-status",
            "POST /schema-migration/report-status",
            "GET /throttler/check",
            "HEAD /throttler/check",
            "POST /throttler/check");

    /** What the Vitess throttler answers when an app must hold back (gh-ost and pt-osc only look for non-200). */
    public static final int THROTTLED_STATUS = 417;
    private static final String READY_TO_COMPLETE_HINT = "ready_to_complete";

    private final ApiServices services;
    private final MigrationTokens migrationTokens;

    public ToolCallbackApi(ApiServices services, MigrationTokens migrationTokens) {
        this.services = Objects.requireNonNull(services, "services");
        this.migrationTokens = Objects.requireNonNull(migrationTokens, "migrationTokens");
    }

    void register(RoutesConfig routes) {
        routes.get("/schema-migration/report-status", this::reportStatus);
        routes.post("/schema-migration/report-status", this::reportStatus);
        routes.get("/throttler/check", this::throttlerCheck);
        routes.head("/throttler/check", this::throttlerCheck);
        routes.post("/throttler/check", this::throttlerCheck);
    }

    /**
     * Vitess's {@code OnSchemaMigrationStatus}: unparsable numbers fall back to 0 (progress,
     * rows copied) and unknown (ETA), as there; an unknown status is refused.
     */
    private void reportStatus(Context ctx) {
        MigrationUuid tokenMigration = requireMigrationToken(ctx);
        MigrationUuid uuid = MigrationApi.uuidIn(parameter(ctx, "uuid").orElse(""));
        if (!uuid.equals(tokenMigration)) {
            throw new ApiException(403, "this token is for migration " + tokenMigration + ", not " + uuid);
        }
        MigrationStatus status = MigrationStatus.fromWireName(parameter(ctx, "status").orElse(""));
        boolean dryRun = parameter(ctx, "dryrun").orElse("").equals("true");
        double progress = parameter(ctx, "progress").map(ToolCallbackApi::parseDouble).orElse(0.0);
        long eta = parameter(ctx, "eta").map(text -> parseLong(text, StatusReport.ETA_UNKNOWN))
                .orElse(StatusReport.ETA_UNKNOWN);
        long rowsCopied = parameter(ctx, "rowscopied").map(text -> parseLong(text, 0)).orElse(0L);
        boolean readyToComplete = parameter(ctx, "hint").orElse("").equals(READY_TO_COMPLETE_HINT);
        services.statusReports().onStatusReport(uuid,
                new StatusReport(status, dryRun, progress, eta, rowsCopied, readyToComplete, ""));
        if (!dryRun && status.isTerminal()) {
            // The tool is done with this migration: its token has nothing left to do.
            migrationTokens.revoke(uuid);
        }
        ApiAnswers.ok(ctx, Json.object().put("migration_uuid", uuid.value()).put("status", status.wireName()));
    }

    /**
     * {@code app} is what the tool asks about, e.g. {@code online-ddl:gh-ost:<uuid>}; the answer
     * is the throttler's for the token's migration (which includes {@code online-ddl}).
     */
    private void throttlerCheck(Context ctx) {
        MigrationUuid tokenMigration = requireMigrationToken(ctx);
        String app = parameter(ctx, "app").orElse(tokenMigration.value());
        for (String part : app.split(":")) {
            if (MigrationUuid.isValid(part) && !part.equals(tokenMigration.value())) {
                throw new ApiException(403, "this token is for migration " + tokenMigration + ", not " + part);
            }
        }
        boolean throttled = services.throttleCheck().shouldThrottle(tokenMigration.value());
        ApiAnswers.json(ctx, throttled ? THROTTLED_STATUS : 200, Json.object().put("app", app).put("throttled", throttled));
    }

    /** Tools may send their token as a bearer header or, when they can only be given a URL, as {@code token=}. */
    private MigrationUuid requireMigrationToken(Context ctx) {
        Optional<String> token = ApiAccess.bearerToken(ctx.header("Authorization")).or(() -> parameter(ctx, "token"));
        return token.flatMap(migrationTokens::verify).orElseThrow(() -> new ApiException(401,
                "this endpoint needs the token of a running migration, which the daemon hands to the tool it launches"));
    }

    private static Optional<String> parameter(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    private static double parseDouble(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : 0.0;
        } catch (NumberFormatException notANumber) {
            return 0.0;
        }
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
