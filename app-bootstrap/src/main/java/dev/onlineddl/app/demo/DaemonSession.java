package dev.onlineddl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.client.ApiAnswer;
import dev.onlineddl.app.client.ApiClient;
import dev.onlineddl.app.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The demo's side of the daemon's HTTP API: the same requests the CLI sends, so that what the demo
 * shows is what a user's {@code onlineddl submit/show/complete} would do.
 *
 * <p>Migration states live in the daemon's database; nothing pushes them to a client, so waiting
 * for one means asking again, every {@link #POLL_INTERVAL}, until a deadline, as a user re-running
 * {@code onlineddl show} would.
 */
final class DaemonSession {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Set<String> ENDED = Set.of("complete", "failed", "cancelled");

    private final ApiClient api;

    DaemonSession(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Submits the statement(s); one UUID per migration. */
    List<String> submit(String strategy, String sql) {
        ObjectNode request = Json.object().put("sql", sql).put("strategy", strategy);
        ApiAnswer answer = api.post("api/migrations", request);
        requireSuccess(answer, "submit --strategy \"" + strategy + "\" \"" + sql + "\"");
        List<String> uuids = Json.strings(answer.body(), "uuids");
        if (uuids.isEmpty()) {
            throw new DemoFailure("the daemon accepted \"" + sql + "\" but returned no migration UUID");
        }
        return uuids;
    }

    String submitOne(String strategy, String sql) {
        List<String> uuids = submit(strategy, sql);
        if (uuids.size() != 1) {
            throw new DemoFailure("expected one migration for \"" + sql + "\", the daemon made " + uuids.size());
        }
        return uuids.get(0);
    }

    ObjectNode migration(String uuid) {
        ApiAnswer answer = api.get("api/migrations/" + uuid);
        requireSuccess(answer, "show " + uuid);
        return answer.body();
    }

    List<ObjectNode> all() {
        ApiAnswer answer = api.get("api/migrations?show=all");
        requireSuccess(answer, "show all");
        if (!answer.body().path("migrations").isArray()) {
            throw new DemoFailure("the daemon's answer to 'show all' has no list of migrations");
        }
        return Json.objects(answer.body(), "migrations");
    }

    /** {@code onlineddl complete <uuid>}: returns how many migrations it affected. */
    long complete(String uuid) {
        ApiAnswer answer = api.post("api/migrations/" + uuid + "/complete", Json.object());
        requireSuccess(answer, "complete " + uuid);
        return Json.number(answer.body(), "migrations_affected").orElse(0L);
    }

    /**
     * Waits until the migration has ended (complete, failed or cancelled) and returns its row; each
     * row seen on the way goes to {@code whileWaiting} (the progress bar).
     */
    ObjectNode awaitEnd(String uuid, Duration timeout, Consumer<ObjectNode> whileWaiting) {
        return awaitRow(uuid, timeout, row -> ENDED.contains(status(row)), whileWaiting,
                "to end (complete, failed or cancelled)");
    }

    ObjectNode awaitRow(String uuid, Duration timeout, Predicate<ObjectNode> condition,
                        Consumer<ObjectNode> whileWaiting, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ObjectNode row = migration(uuid);
            if (condition.test(row)) {
                return row;
            }
            whileWaiting.accept(row);
            if (Instant.now().isAfter(deadline)) {
                throw new DemoFailure("migration " + uuid + " did not get " + what + " within " + timeout.toSeconds()
                        + " s; it is " + status(row) + (Json.string(row, "message").filter(m -> !m.isEmpty())
                        .map(m -> " (" + m + ")").orElse("")));
            }
            pause();
        }
    }

    static String status(ObjectNode row) {
        return Json.string(row, "migration_status").orElse("?");
    }

    static double progress(ObjectNode row) {
        JsonNode progress = row.path("progress");
        return progress.isNumber() ? progress.doubleValue() : 0.0;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("the demo was interrupted while waiting for the daemon", interrupted);
        }
    }

    private static void requireSuccess(ApiAnswer answer, String request) {
        if (!answer.isSuccess()) {
            throw new DemoFailure("the daemon refused 'onlineddl " + request + "': " + answer.error());
        }
    }
}
