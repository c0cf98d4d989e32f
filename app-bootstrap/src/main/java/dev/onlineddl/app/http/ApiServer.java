package dev.onlineddl.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.onlineddl.app.config.HttpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ApiRoutes} over HTTP with the JDK's server. Request bodies are limited, so a
 * client cannot make the daemon buffer without end.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Large enough for a long migration script, small enough that no request can exhaust memory. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpAddress address;

    private ApiServer(HttpServer server, ExecutorService threads, HttpAddress address) {
        this.server = server;
        this.threads = threads;
        this.address = address;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException saying which address could not be bound (e.g. another daemon has it)
     */
    public static ApiServer start(HttpAddress address, ApiRoutes routes) throws IOException {
        Objects.requireNonNull(routes, "routes");
        HttpServer server;
        try {
            server = HttpServer.create(address.socketAddress(), 0);
        } catch (BindException inUse) {
            throw new IOException("cannot listen on " + address + ": " + inUse.getMessage()
                    + " (is another onlineddl daemon running there? choose another address with --http)", inUse);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "onlineddl-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> serve(exchange, routes));
        server.start();
        HttpAddress bound = address.withPort(server.getAddress().getPort());
        LOG.info("HTTP API listening on http://{}", bound);
        return new ApiServer(server, threads, bound);
    }

    /** The address actually bound (with the port the system chose for port 0). */
    public HttpAddress address() {
        return address;
    }

    private static void serve(HttpExchange exchange, ApiRoutes routes) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                ApiRequest request = new ApiRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                        ApiRequest.bearerToken(exchange.getRequestHeaders().getFirst("Authorization")),
                        readBody(exchange.getRequestBody()));
                response = routes.handle(request);
                LOG.debug("{} -> {}", request, response.status());
            } catch (ApiException refused) {
                response = ApiResponse.error(refused.status(), refused.getMessage());
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stops accepting requests, lets running ones finish for up to {@code grace}, then stops. */
    public void stop(Duration grace) {
        server.stop((int) Math.max(0, Math.min(grace.toSeconds(), Integer.MAX_VALUE)));
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP API on http://{} stopped", address);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
