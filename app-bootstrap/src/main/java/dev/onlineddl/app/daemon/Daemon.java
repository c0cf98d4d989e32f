package dev.onlineddl.app.daemon;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.auth.TokenFile;
import dev.onlineddl.app.auth.Tokens;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.http.ApiAccess;
import dev.onlineddl.app.http.HttpApi;
import dev.onlineddl.app.http.MetricsEndpoint;
import dev.onlineddl.app.http.ToolCallbackApi;
import dev.onlineddl.app.metrics.DaemonMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running daemon: the executor core ticking, the HTTP API serving, and the API token in its
 * file for the CLI. {@link #close()} undoes all three, in the order that lets no request reach a
 * stopped core.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Requests in flight get this long to finish (the JDK's server waits out the whole of it). */
    private static final Duration HTTP_GRACE = Duration.ofSeconds(1);

    private final RunningCore core;
    private final HttpApi api;
    private final TokenFile tokenFile;
    private final String apiToken;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Daemon(RunningCore core, HttpApi api, TokenFile tokenFile, String apiToken) {
        this.core = core;
        this.api = api;
        this.tokenFile = tokenFile;
        this.apiToken = apiToken;
    }

    /**
     * Assembles the core, serves the API, writes the token file, then starts ticking.
     *
     * @param home where {@code .onlineddl/<host>_<port>.token} goes
     * @throws IOException if the API cannot listen or the token cannot be written (nothing is left running)
     */
    public static Daemon start(DaemonSettings settings, Path home, CoreAssembler assembler) throws IOException {
        Objects.requireNonNull(settings, "settings");
        SecureRandom random = new SecureRandom();
        MigrationTokens migrationTokens = new MigrationTokens(random);
        String apiToken = Tokens.newToken(random);
        // no JvmGcMetrics: it holds listeners that would outlive a daemon stopped inside a longer-lived JVM (tests, the demo)
        DaemonMetrics metrics = new DaemonMetrics(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics());
        ToolCallbacks callbacks = new ToolCallbacks(migrationTokens);
        RunningCore core = assembler.assemble(settings, metrics, callbacks);
        HttpApi api = null;
        try {
            String tokenHint = "the CLI reads it from "
                    + TokenFile.of(home, settings.http().host(), settings.http().port()).path().getParent()
                    + "/<host>_<port>.token of the daemon's user; give --token-file or ONLINEDDL_TOKEN";
            MetricsEndpoint metricsEndpoint = new MetricsEndpoint(DaemonMetrics.CONTENT_TYPE,
                    () -> metrics.scrape(core.services().query(), core.counts()));
            api = HttpApi.start(settings.http(), settings.httpThreads(), core.services(), new ApiAccess(apiToken, tokenHint),
                    new ToolCallbackApi(core.services(), migrationTokens), metricsEndpoint);
            callbacks.serveAt(URI.create("http://" + api.address()));
            TokenFile tokenFile = TokenFile.of(home, settings.http().host(), api.address().port());
            tokenFile.write(apiToken);
            core.start();
            LOG.info("onlineddl daemon ready: executor {} migrates `{}` ({}), API on http://{}, API token in {}",
                    settings.executorId(), settings.database(), settings.jdbcUrl(), api.address(), tokenFile);
            return new Daemon(core, api, tokenFile, apiToken);
        } catch (IOException | RuntimeException failure) {
            if (api != null) {
                api.stop(Duration.ZERO);
            }
            core.close();
            throw failure;
        }
    }

    /** The API's address, with the port actually bound. */
    public String apiAddress() {
        return api.address().toString();
    }

    public TokenFile tokenFile() {
        return tokenFile;
    }

    /** Stops serving, stops the core, removes the token file. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("onlineddl daemon stopping");
        api.stop(HTTP_GRACE);
        try {
            core.close();
        } finally {
            try {
                tokenFile.deleteIfHolds(apiToken);
            } catch (IOException e) {
                LOG.warn("could not remove the token file {}: {}", tokenFile, e.getMessage());
            }
        }
        LOG.info("onlineddl daemon stopped");
    }
}
