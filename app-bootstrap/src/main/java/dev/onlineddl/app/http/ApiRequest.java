package dev.onlineddl.app.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the router sees it.
 *
 * @param path   the decoded path, e.g. {@code /api/migrations}
 * @param query  decoded query parameters; a repeated parameter keeps its first value
 * @param bearer the token of an {@code Authorization: Bearer} header
 */
public record ApiRequest(String method, String path, Map<String, String> query, Optional<String> bearer, String body) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Objects.requireNonNull(bearer, "bearer");
        body = body == null ? "" : body;
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Parses {@code a=1&b=x%20y}; a parameter without '=' has the empty value. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** The token of {@code Bearer <token>}, scheme case-insensitive. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String trimmed = authorization.strip();
        if (trimmed.length() > 7 && trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = trimmed.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new ApiException(400, "malformed query string: bad %-escape in '" + text + "'");
        }
    }

    @Override
    public String toString() {
        // Neither the token nor the query (tools may pass their token in it) belongs in a log line.
        return method + " " + path;
    }
}
