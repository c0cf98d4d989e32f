package dev.onlineddl.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.app.json.JsonException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Talks to a daemon's HTTP API for the CLI: sends the API token, turns answers into
 * {@link ApiAnswer}s and an unreachable daemon into {@link DaemonUnreachableException}.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A submission of a {@code direct} migration returns only when its DDL ran. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofHours(24);

    private final URI server;
    private final Optional<String> token;
    private final HttpClient http;

    public ApiClient(URI server, Optional<String> token) {
        this.server = Objects.requireNonNull(server, "server");
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public URI server() {
        return server;
    }

    public ApiAnswer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public ApiAnswer post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    private ApiAnswer send(String method, String pathAndQuery, JsonNode body) {
        URI uri = server.resolve(pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException noDaemon) {
            throw new DaemonUnreachableException(server, noDaemon);
        } catch (IOException broken) {
            throw new DaemonUnreachableException(server, broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachableException(server, interrupted);
        }
        return new ApiAnswer(response.statusCode(), parse(response.body()));
    }

    /** Answers are JSON objects; anything else (a proxy's HTML page) becomes an error text. */
    private static ObjectNode parse(String body) {
        try {
            return Json.parseObject(body);
        } catch (JsonException notJson) {
            String excerpt = body.length() > 200 ? body.substring(0, 200) + "..." : body;
            return Json.object().put("error", "unexpected answer (not JSON): " + excerpt.strip());
        }
    }
}
