package dev.onlineddl.app.http;

import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.app.json.JsonException;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.port.out.MigrationNotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP server (Javalin on Jetty): the user API ({@link MigrationApi}, behind the
 * {@link ApiAccess} token check), the tools' callbacks ({@link ToolCallbackApi}) and {@code /metrics}
 * (Prometheus, no token: it holds counts, not statements). Every error answers JSON through one
 * mapper: bad input 400, a missing or wrong token 401, an unknown migration 404, anything else
 * that fails 500 with a message (the stack trace goes to the log only). Request bodies are capped,
 * so a client cannot make the daemon buffer without end.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** Large enough for a long migration script, small enough that no request can exhaust memory. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_WORKER_THREADS = 8;
    /** The connector's own threads: one accepts connections, one selects ready ones. */
    private static final int CONNECTOR_THREADS = 2;
    /**
     * A {@code direct} submission answers when its DDL ran, which may take hours: the connection
     * must not be closed as idle meanwhile. The CLI waits as long.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofHours(24);

    private final Javalin app;
    private final ServerConnector connector;
    private final ExecutorService submissions;
    private final HttpAddress address;
    private final List<String> routes;

    private HttpApi(Javalin app, ServerConnector connector, ExecutorService submissions, HttpAddress address,
                    List<String> routes) {
        this.app = app;
        this.connector = connector;
        this.submissions = submissions;
        this.address = address;
        this.routes = List.copyOf(routes);
    }

    /**
     * Binds and starts serving.
     *
     * @param workerThreads how many requests are served at once; waiting submissions hold none
     * @param metrics       the Prometheus exposition text as of now, and its content type
     * @throws IOException saying which address could not be bound (e.g. another daemon has it)
     */
    public static HttpApi start(HttpAddress address, int workerThreads, ApiServices services, ApiAccess access,
                                ToolCallbackApi tools, MetricsEndpoint metrics) throws IOException {
        Objects.requireNonNull(services, "services");
        if (workerThreads < 1) {
            throw new IllegalArgumentException("the HTTP API needs at least one worker thread, not " + workerThreads);
        }
        ExecutorService submissions = Executors.newCachedThreadPool(daemonThreads("onlineddl-submit-"));
        MigrationApi api = new MigrationApi(services, submissions);
        QueuedThreadPool threads = new QueuedThreadPool(workerThreads + CONNECTOR_THREADS, 1);
        threads.setName("onlineddl-http");
        threads.setDaemon(true);
        ServerConnector[] connector = new ServerConnector[1];
        List<String> routes = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            // as Javalin registers them, so that what the README lists can be checked against what is served
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = threads;
            config.jetty.addConnector((server, httpConfiguration) -> {
                connector[0] = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfiguration));
                connector[0].setHost(address.host());
                connector[0].setPort(address.port());
                connector[0].setIdleTimeout(IDLE_TIMEOUT.toMillis());
                return connector[0];
            });
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.asyncTimeout = 0L; // no limit: the connection's idle timeout bounds a submission
            config.routes.before(ctx -> ctx.header("Cache-Control", "no-store"));
            config.routes.before("/api/*", access::requireApiToken);
            api.register(config.routes);
            tools.register(config.routes);
            config.routes.get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
            config.routes.exception(Exception.class, HttpApi::answerError);
            config.routes.exception(HttpResponseException.class, HttpApi::answerError);
        });
        try {
            app.start();
        } catch (RuntimeException failed) {
            submissions.shutdown();
            if (causedBy(failed, BindException.class)) {
                throw new IOException("cannot listen on " + address + ": " + failed.getMessage()
                        + " (is another onlineddl daemon running there? choose another address with --http)", failed);
            }
            throw failed;
        }
        HttpAddress bound = address.withPort(connector[0].getLocalPort());
        LOG.info("HTTP API listening on http://{}", bound);
        return new HttpApi(app, connector[0], submissions, bound, routes);
    }

    /** The address actually bound (with the port the system chose for port 0). */
    public HttpAddress address() {
        return address;
    }

    /**
     * Method and path of every route served, as registered, e.g. {@code POST /api/migrations/{uuid}/{command}}
     * (before-handlers such as the token check are not routes).
     */
    public List<String> routes() {
        return routes;
    }

    /** The one error mapper: what failed, as JSON, with the status that tells the user whose fault it was. */
    private static void answerError(Exception thrown, Context ctx) {
        Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        int status;
        String message;
        if (failure instanceof ApiException refused) {
            status = refused.status();
            message = refused.getMessage();
            if (status == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
        } else if (failure instanceof MigrationNotFoundException notFound) {
            status = 404;
            message = notFound.getMessage();
        } else if (failure instanceof InvalidInputException invalid) {
            status = 400;
            message = invalid.getMessage();
        } else if (failure instanceof JsonException badBody) {
            status = 400;
            message = "invalid request body: " + badBody.getMessage();
        } else if (failure instanceof HttpResponseException http) {
            status = http.getStatus();
            message = switch (status) {
                case 404 -> "no such endpoint: " + ctx.path();
                case 405 -> ctx.method() + " is not allowed on " + ctx.path() + "; use "
                        + String.join(" or ", http.getDetails().getOrDefault("availableMethods", "").split(", "));
                case 413 -> "request body larger than " + MAX_BODY_BYTES + " bytes";
                default -> http.getMessage();
            };
        } else {
            // Neither the query (tools may pass their token in it) nor a header belongs in a log line.
            String request = ctx.method() + " " + ctx.path();
            LOG.warn("{} failed", request, failure);
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            status = 500;
            message = request + " failed: " + reason + " (the daemon's log has the details)";
        }
        ApiAnswers.json(ctx, status, Json.object().put("error", message));
    }

    /** Stops accepting requests, lets running ones finish for up to {@code grace}, then stops. */
    public void stop(Duration grace) {
        connector.getServer().setStopTimeout(grace.toMillis());
        try {
            app.stop();
        } catch (RuntimeException stillBusy) {
            // Jetty stops all the same; requests still running after the grace period were cut off.
            LOG.warn("HTTP API on http://{} did not stop within {}: {}", address, grace, stillBusy.getMessage());
        } finally {
            submissions.shutdownNow();
        }
        LOG.info("HTTP API on http://{} stopped", address);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
