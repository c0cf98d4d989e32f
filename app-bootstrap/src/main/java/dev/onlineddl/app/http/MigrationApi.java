package dev.onlineddl.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.app.json.JsonException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.in.SubmissionResult;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user API under {@code /api} (the daemon's API token, checked by {@link ApiAccess} before any
 * of these runs): list, submit, read, logs, the commands on one migration and on all of them, and
 * the throttled apps. The routes are listed in {@link #ROUTES}, which the README's HTTP API section
 * is checked against.
 */
public final class MigrationApi {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationApi.class);

    /** Method and path of every user endpoint, in the README's order. */
    public static final List<String> ROUTES = List.of(
            "GET /api/migrations",
            "POST /api/migrations",
            "GET /api/migrations/{uuid}",
            "GET /api/migrations/{uuid}/logs",
            "POST /api/migrations/{uuid}/{cancel,retry,complete,launch,cleanup,throttle,unthrottle}",
            "POST /api/migrations/all/{cancel,complete,launch,throttle,unthrottle}",
            "GET /api/throttled-apps");

    private final ApiServices services;
    private final Executor submissions;

    /**
     * @param submissions where a submission waits for the core: a {@code direct} migration's
     *                    submission returns only when its DDL ran, and must not hold an HTTP
     *                    worker thread meanwhile
     */
    public MigrationApi(ApiServices services, Executor submissions) {
        this.services = Objects.requireNonNull(services, "services");
        this.submissions = Objects.requireNonNull(submissions, "submissions");
    }

    void register(RoutesConfig routes) {
        routes.get("/api/migrations", this::list);
        routes.post("/api/migrations", this::submit);
        routes.get("/api/migrations/{uuid}", this::one);
        routes.get("/api/migrations/{uuid}/logs", this::logs);
        // Before the {uuid} route: "all" is no UUID, and the first matching route serves.
        routes.post("/api/migrations/all/{command}", this::commandOnAll);
        routes.post("/api/migrations/{uuid}/{command}", this::command);
        routes.get("/api/throttled-apps", this::throttledApps);
    }

    private void list(Context ctx) {
        MigrationFilter filter = MigrationFilters.parse(Optional.ofNullable(ctx.queryParam("show")).orElse("all"));
        ArrayNode rows = Json.array();
        for (Migration migration : services.query().show(filter)) {
            rows.add(MigrationJson.toJson(migration));
        }
        ApiAnswers.ok(ctx, Json.object().set("migrations", rows));
    }

    private void submit(Context ctx) {
        ObjectNode body = Json.parseObject(ctx.body());
        String sql = Json.requiredString(body, "sql");
        if (sql.isBlank()) {
            throw new ApiException(400, "no SQL given: submit one or more statements separated by ';'");
        }
        SubmissionRequest submission = new SubmissionRequest(
                sql,
                Json.string(body, "strategy").orElse(""),
                MigrationContext.of(Json.string(body, "context").orElse("")),
                Json.string(body, "uuid").filter(text -> !text.isEmpty()).map(MigrationUuid::parse));
        // The request is released to the server while the core works; the answer follows when it is done.
        ctx.future(() -> CompletableFuture.supplyAsync(() -> services.submit().submit(submission), submissions)
                .thenAccept(result -> answerSubmitted(ctx, result)));
    }

    private static void answerSubmitted(Context ctx, SubmissionResult result) {
        List<String> uuids = result.uuids().stream().map(MigrationUuid::value).toList();
        LOG.info("submitted {} migration(s) through the API: {}", uuids.size(), String.join(", ", uuids));
        ApiAnswers.ok(ctx, Json.object().set("uuids", Json.strings(uuids)));
    }

    private void one(Context ctx) {
        ApiAnswers.ok(ctx, MigrationJson.toJson(services.query().migration(uuidIn(ctx.pathParam("uuid")))));
    }

    private void logs(Context ctx) {
        MigrationUuid uuid = uuidIn(ctx.pathParam("uuid"));
        String logs = services.query().logs(uuid);
        ApiAnswers.ok(ctx, Json.object().put("migration_uuid", uuid.value()).put("logs", logs));
    }

    private void command(Context ctx) {
        MigrationUuid uuid = uuidIn(ctx.pathParam("uuid"));
        String command = ctx.pathParam("command");
        Supplier<CommandResult> action = switch (command) {
            case "cancel" -> () -> services.control().cancel(uuid);
            case "retry" -> () -> services.control().retry(uuid);
            case "complete" -> () -> services.control().complete(uuid);
            case "cleanup" -> () -> services.control().cleanup(uuid);
            case "launch" -> {
                List<String> shards = optionalBody(ctx).map(body -> Json.strings(body, "shards")).orElse(List.of());
                yield () -> services.control().launch(uuid, shards);
            }
            case "throttle" -> {
                ThrottleRequest throttle = throttleRequest(ThrottleTarget.migration(uuid), ctx);
                yield () -> services.throttling().throttle(throttle);
            }
            case "unthrottle" -> () -> services.throttling().unthrottle(ThrottleTarget.migration(uuid));
            default -> throw new ApiException(404, "no such command: " + command
                    + " (one of cancel, retry, complete, launch, cleanup, throttle, unthrottle)");
        };
        CommandResult result = action.get();
        LOG.info("{} {} through the API: {} migration(s) affected", command, uuid, result.migrationsAffected());
        ApiAnswers.ok(ctx, Json.object()
                .put("command", command)
                .put("migration_uuid", uuid.value())
                .put("migrations_affected", result.migrationsAffected()));
    }

    private void commandOnAll(Context ctx) {
        String command = ctx.pathParam("command");
        Supplier<CommandResult> action = switch (command) {
            case "cancel" -> () -> services.control().cancelAll();
            case "complete" -> () -> services.control().completeAll();
            case "launch" -> () -> services.control().launchAll();
            case "throttle" -> {
                ThrottleRequest throttle = throttleRequest(ThrottleTarget.allMigrations(), ctx);
                yield () -> services.throttling().throttle(throttle);
            }
            case "unthrottle" -> () -> services.throttling().unthrottle(ThrottleTarget.allMigrations());
            default -> throw new ApiException(404, "no such command for all migrations: " + command
                    + " (one of cancel, complete, launch, throttle, unthrottle)");
        };
        CommandResult result = action.get();
        LOG.info("{} all through the API: {} migration(s) affected", command, result.migrationsAffected());
        ApiAnswers.ok(ctx, Json.object()
                .put("command", command + "-all")
                .put("migrations_affected", result.migrationsAffected()));
    }

    /** {@code {"expire": "1h", "ratio": 0.5}}, both optional, validated as Vitess's THROTTLE clauses. */
    private static ThrottleRequest throttleRequest(ThrottleTarget target, Context ctx) {
        Optional<ObjectNode> body = optionalBody(ctx);
        String expire = body.flatMap(b -> Json.string(b, "expire")).orElse(null);
        String ratio = body.map(b -> b.get("ratio")).filter(value -> !value.isNull()).map(value -> {
            if (value.isNumber()) {
                return value.decimalValue().toPlainString();
            }
            if (value.isTextual()) {
                return value.textValue();
            }
            throw new JsonException("'ratio' must be a number from 0 to 1");
        }).orElse(null);
        return ThrottleRequest.parse(target, expire, ratio);
    }

    private void throttledApps(Context ctx) {
        ArrayNode apps = Json.array();
        for (ThrottledApp app : services.throttling().throttledApps()) {
            apps.add(Json.object()
                    .put("app", app.appName())
                    .put("expires_at", app.expiresAt().toString())
                    .put("ratio", app.ratio()));
        }
        ApiAnswers.ok(ctx, Json.object().set("throttled_apps", apps));
    }

    static MigrationUuid uuidIn(String text) {
        if (!MigrationUuid.isValid(text)) {
            throw new ApiException(400, "invalid migration UUID '" + text
                    + "': expected the online DDL format xxxxxxxx_xxxx_xxxx_xxxx_xxxxxxxxxxxx");
        }
        return MigrationUuid.parse(text);
    }

    private static Optional<ObjectNode> optionalBody(Context ctx) {
        String body = ctx.body();
        return body.isBlank() ? Optional.empty() : Optional.of(Json.parseObject(body));
    }
}
