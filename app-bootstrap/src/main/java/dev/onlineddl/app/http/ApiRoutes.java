package dev.onlineddl.app.http;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.auth.Tokens;
import dev.onlineddl.app.json.JsonException;
import dev.onlineddl.app.json.JsonParser;
import dev.onlineddl.app.json.JsonValue;
import dev.onlineddl.app.json.JsonValue.JsonArray;
import dev.onlineddl.app.json.JsonValue.JsonNumber;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import dev.onlineddl.app.json.JsonValue.JsonString;
import dev.onlineddl.app.metrics.DaemonMetrics;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.in.SubmissionResult;
import dev.onlineddl.port.out.MigrationNotFoundException;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import dev.onlineddl.domain.progress.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each endpoint of the daemon's HTTP API does, independent of the HTTP server:
 *
 * <ul>
 *   <li>{@code /api/...} (bearer token of the daemon): {@code GET /api/migrations?show=WORD},
 *       {@code POST /api/migrations} (submit), {@code GET /api/migrations/UUID},
 *       {@code GET /api/migrations/UUID/logs}, {@code POST /api/migrations/UUID/COMMAND}
 *       (cancel, retry, complete, launch, cleanup, throttle, unthrottle),
 *       {@code POST /api/migrations/all/COMMAND} (cancel, complete, launch, throttle, unthrottle),
 *       {@code GET /api/throttled-apps};</li>
 *   <li>{@code /schema-migration/report-status} and {@code /throttler/check} (a migration's own
 *       token, handed to the external tool the daemon launched for it);</li>
 *   <li>{@code /metrics} (Prometheus, no token: it holds counts, not statements).</li>
 * </ul>
 *
 * Bad input answers 400 with the reason, a missing or wrong token 401, an unknown migration
 * 404, anything else that fails 500 with a message (the stack trace goes to the log only).
 */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private static final String API = "/api/";
    private static final String MIGRATIONS = "/api/migrations";
    private static final String READY_TO_COMPLETE_HINT = "ready_to_complete";
    /** What the Vitess throttler answers when an app must hold back (gh-ost and pt-osc only look for non-200). */
    static final int THROTTLED_STATUS = 417;

    private final ApiServices services;
    private final String apiToken;
    private final MigrationTokens migrationTokens;
    private final Supplier<String> metrics;
    private final String tokenHint;

    /**
     * @param metrics   the Prometheus exposition text as of now
     * @param tokenHint where the CLI finds the API token, for the 401 message
     */
    public ApiRoutes(ApiServices services, String apiToken, MigrationTokens migrationTokens, Supplier<String> metrics,
                     String tokenHint) {
        this.services = Objects.requireNonNull(services, "services");
        this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
        this.migrationTokens = Objects.requireNonNull(migrationTokens, "migrationTokens");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tokenHint = Objects.requireNonNull(tokenHint, "tokenHint");
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException refused) {
            ApiResponse response = ApiResponse.error(refused.status(), refused.getMessage());
            return refused.status() == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
        } catch (MigrationNotFoundException notFound) {
            return ApiResponse.error(404, notFound.getMessage());
        } catch (InvalidInputException invalid) {
            return ApiResponse.error(400, invalid.getMessage());
        } catch (JsonException badBody) {
            return ApiResponse.error(400, "invalid request body: " + badBody.getMessage());
        } catch (RuntimeException failure) {
            LOG.warn("{} failed", request, failure);
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return ApiResponse.error(500, request + " failed: " + message + " (the daemon's log has the details)");
        }
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (path.equals("/metrics")) {
            requireMethod(request, "GET");
            return new ApiResponse(200, DaemonMetrics.CONTENT_TYPE, metrics.get(), Map.of());
        }
        if (path.equals("/schema-migration/report-status")) {
            requireMethod(request, "GET", "POST");
            return reportStatus(request);
        }
        if (path.equals("/throttler/check")) {
            requireMethod(request, "GET", "HEAD", "POST");
            return throttlerCheck(request);
        }
        if (path.startsWith(API) || path.equals("/api")) {
            requireApiToken(request);
            return routeApi(request);
        }
        throw new ApiException(404, "no such endpoint: " + path);
    }

    private ApiResponse routeApi(ApiRequest request) {
        String path = request.path();
        if (path.equals("/api/throttled-apps")) {
            requireMethod(request, "GET");
            return throttledApps();
        }
        if (path.equals(MIGRATIONS)) {
            requireMethod(request, "GET", "POST");
            return request.method().equals("GET") ? list(request) : submit(request);
        }
        if (path.startsWith(MIGRATIONS + "/")) {
            String[] parts = path.substring(MIGRATIONS.length() + 1).split("/", -1);
            if (parts.length == 2 && parts[0].equals("all")) {
                requireMethod(request, "POST");
                return commandOnAll(parts[1], request);
            }
            if (parts.length == 1) {
                requireMethod(request, "GET");
                return ApiResponse.ok(MigrationJson.toJson(existing(uuidIn(parts[0]))));
            }
            if (parts.length == 2 && parts[1].equals("logs")) {
                requireMethod(request, "GET");
                MigrationUuid uuid = existing(uuidIn(parts[0])).uuid();
                return ApiResponse.ok(JsonObject.builder()
                        .put("migration_uuid", uuid.value())
                        .put("logs", services.query().logs(uuid))
                        .build());
            }
            if (parts.length == 2) {
                requireMethod(request, "POST");
                return command(uuidIn(parts[0]), parts[1], request);
            }
        }
        throw new ApiException(404, "no such endpoint: " + path);
    }

    private ApiResponse list(ApiRequest request) {
        MigrationFilter filter = MigrationFilters.parse(request.parameter("show").orElse("all"));
        List<JsonValue> rows = new ArrayList<>();
        for (Migration migration : services.query().show(filter)) {
            rows.add(MigrationJson.toJson(migration));
        }
        return ApiResponse.ok(JsonObject.builder().put("migrations", new JsonArray(rows)).build());
    }

    private ApiResponse submit(ApiRequest request) {
        JsonObject body = JsonParser.parseObject(request.body());
        String sql = body.requiredString("sql");
        if (sql.isBlank()) {
            throw new ApiException(400, "no SQL given: submit one or more statements separated by ';'");
        }
        SubmissionRequest submission = new SubmissionRequest(
                sql,
                body.string("strategy").orElse(""),
                MigrationContext.of(body.string("context").orElse("")),
                body.string("uuid").filter(text -> !text.isEmpty()).map(MigrationUuid::parse));
        SubmissionResult result = services.submit().submit(submission);
        List<String> uuids = result.uuids().stream().map(MigrationUuid::value).toList();
        LOG.info("submitted {} migration(s) through the API: {}", uuids.size(), String.join(", ", uuids));
        return ApiResponse.ok(JsonObject.builder().put("uuids", JsonArray.ofStrings(uuids)).build());
    }

    private ApiResponse command(MigrationUuid uuid, String command, ApiRequest request) {
        Supplier<CommandResult> action = switch (command) {
            case "cancel" -> () -> services.control().cancel(uuid);
            case "retry" -> () -> services.control().retry(uuid);
            case "complete" -> () -> services.control().complete(uuid);
            case "cleanup" -> () -> services.control().cleanup(uuid);
            case "launch" -> {
                List<String> shards = optionalBody(request).map(body -> body.strings("shards")).orElse(List.of());
                yield () -> services.control().launch(uuid, shards);
            }
            case "throttle" -> {
                ThrottleRequest throttle = throttleRequest(ThrottleTarget.migration(uuid), request);
                yield () -> services.throttling().throttle(throttle);
            }
            case "unthrottle" -> () -> services.throttling().unthrottle(ThrottleTarget.migration(uuid));
            default -> throw new ApiException(404, "no such command: " + command
                    + " (one of cancel, retry, complete, launch, cleanup, throttle, unthrottle)");
        };
        existing(uuid);
        CommandResult result = action.get();
        LOG.info("{} {} through the API: {} migration(s) affected", command, uuid, result.migrationsAffected());
        return ApiResponse.ok(JsonObject.builder()
                .put("command", command)
                .put("migration_uuid", uuid.value())
                .put("migrations_affected", result.migrationsAffected())
                .build());
    }

    private ApiResponse commandOnAll(String command, ApiRequest request) {
        Supplier<CommandResult> action = switch (command) {
            case "cancel" -> () -> services.control().cancelAll();
            case "complete" -> () -> services.control().completeAll();
            case "launch" -> () -> services.control().launchAll();
            case "throttle" -> {
                ThrottleRequest throttle = throttleRequest(ThrottleTarget.allMigrations(), request);
                yield () -> services.throttling().throttle(throttle);
            }
            case "unthrottle" -> () -> services.throttling().unthrottle(ThrottleTarget.allMigrations());
            default -> throw new ApiException(404, "no such command for all migrations: " + command
                    + " (one of cancel, complete, launch, throttle, unthrottle)");
        };
        CommandResult result = action.get();
        LOG.info("{} all through the API: {} migration(s) affected", command, result.migrationsAffected());
        return ApiResponse.ok(JsonObject.builder()
                .put("command", command + "-all")
                .put("migrations_affected", result.migrationsAffected())
                .build());
    }

    /** {@code {"expire": "1h", "ratio": 0.5}}, both optional, validated as Vitess's THROTTLE clauses. */
    private static ThrottleRequest throttleRequest(ThrottleTarget target, ApiRequest request) {
        Optional<JsonObject> body = optionalBody(request);
        String expire = body.flatMap(b -> b.string("expire")).orElse(null);
        String ratio = body.flatMap(b -> b.get("ratio")).map(value -> {
            if (value instanceof JsonNumber number) {
                return number.value().toPlainString();
            }
            if (value instanceof JsonString text) {
                return text.value();
            }
            throw new JsonException("'ratio' must be a number from 0 to 1");
        }).orElse(null);
        return ThrottleRequest.parse(target, expire, ratio);
    }

    private ApiResponse throttledApps() {
        List<JsonValue> apps = new ArrayList<>();
        for (ThrottledApp app : services.throttling().throttledApps()) {
            apps.add(JsonObject.builder()
                    .put("app", app.appName())
                    .put("expires_at", app.expiresAt().toString())
                    .put("ratio", app.ratio())
                    .build());
        }
        return ApiResponse.ok(JsonObject.builder().put("throttled_apps", new JsonArray(apps)).build());
    }

    /**
     * Vitess's {@code OnSchemaMigrationStatus}: unparsable numbers fall back to 0 (progress,
     * rows copied) and unknown (ETA), as there; an unknown status is refused.
     */
    private ApiResponse reportStatus(ApiRequest request) {
        MigrationUuid tokenMigration = requireMigrationToken(request);
        MigrationUuid uuid = uuidIn(request.parameter("uuid").orElse(""));
        if (!uuid.equals(tokenMigration)) {
            throw new ApiException(403, "this token is for migration " + tokenMigration + ", not " + uuid);
        }
        MigrationStatus status = MigrationStatus.fromWireName(request.parameter("status").orElse(""));
        boolean dryRun = request.parameter("dryrun").orElse("").equals("true");
        double progress = request.parameter("progress").map(ApiRoutes::parseDouble).orElse(0.0);
        long eta = request.parameter("eta").map(text -> parseLong(text, StatusReport.ETA_UNKNOWN))
                .orElse(StatusReport.ETA_UNKNOWN);
        long rowsCopied = request.parameter("rowscopied").map(text -> parseLong(text, 0)).orElse(0L);
        boolean readyToComplete = request.parameter("hint").orElse("").equals(READY_TO_COMPLETE_HINT);
        services.statusReports().onStatusReport(uuid,
                new StatusReport(status, dryRun, progress, eta, rowsCopied, readyToComplete, ""));
        if (!dryRun && status.isTerminal()) {
            // The tool is done with this migration: its token has nothing left to do.
            migrationTokens.revoke(uuid);
        }
        if (!dryRun && status.isTerminal()) {
            }
        return ApiResponse.ok(JsonObject.builder()
                .put("migration_uuid", uuid.value())
                .put("status", status.wireName())
                .build());
    }

    /**
     * {@code app} is what the tool asks about, e.g. {@code online-ddl:gh-ost:<uuid>}; the answer
     * is the throttler's for the token's migration (which includes {@code online-ddl}).
     */
    private ApiResponse throttlerCheck(ApiRequest request) {
        MigrationUuid tokenMigration = requireMigrationToken(request);
        String app = request.parameter("app").orElse(tokenMigration.value());
        for (String part : app.split(":")) {
            if (MigrationUuid.isValid(part) && !part.equals(tokenMigration.value())) {
                throw new ApiException(403, "this token is for migration " + tokenMigration + ", not " + part);
            }
        }
        boolean throttled = services.throttleCheck().shouldThrottle(tokenMigration.value());
        return ApiResponse.json(throttled ? THROTTLED_STATUS : 200, JsonObject.builder()
                .put("app", app)
                .put("throttled", throttled)
                .build());
    }

    private void requireApiToken(ApiRequest request) {
        if (request.bearer().isEmpty() || !Tokens.matches(apiToken, request.bearer().get())) {
            throw new ApiException(401, request.bearer().isEmpty()
                    ? "this endpoint needs the daemon's API token (Authorization: Bearer ...); " + tokenHint
                    : "wrong API token: a daemon writes a new token at every start; " + tokenHint);
        }
    }

    /** Tools may send their token as a bearer header or, when they can only be given a URL, as {@code token=}. */
    private MigrationUuid requireMigrationToken(ApiRequest request) {
        Optional<String> token = request.bearer().or(() -> request.parameter("token"));
        return token.flatMap(migrationTokens::verify).orElseThrow(() -> new ApiException(401, 
                "this endpoint needs the token of a running migration, which the daemon hands to the tool it launches"));
    }

    private Migration existing(MigrationUuid uuid) {
        List<Migration> found = services.query().show(new MigrationFilter.ByUuid(uuid));
        if (found.isEmpty()) {
            throw new ApiException(404, "migration not found: " + uuid
                    + " (check the UUID with 'onlineddl show all', or whether it was submitted to another database)");
        }
        return found.get(0);
    }

    private static MigrationUuid uuidIn(String text) {
        if (!MigrationUuid.isValid(text)) {
            throw new ApiException(400, "invalid migration UUID '" + text
                    + "': expected the online DDL format xxxxxxxx_xxxx_xxxx_xxxx_xxxxxxxxxxxx");
        }
        return MigrationUuid.parse(text);
    }

    private static Optional<JsonObject> optionalBody(ApiRequest request) {
        return request.body().isBlank() ? Optional.empty() : Optional.of(JsonParser.parseObject(request.body()));
    }

    private static void requireMethod(ApiRequest request, String... allowed) {
        for (String method : allowed) {
            if (method.equals(request.method())) {
                return;
            }
        }
        throw new ApiException(405, request.method() + " is not allowed on " + request.path()
                + "; use " + String.join(" or ", allowed));
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
