package dev.onlineddl.app.http;

import dev.onlineddl.app.json.JsonValue;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import java.util.Map;
import java.util.Objects;

/** One HTTP response: status, content type, body and extra headers. */
public record ApiResponse(int status, String contentType, String body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";

    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, JsonValue body) {
        return new ApiResponse(status, JSON, body.toJson() + "\n", Map.of());
    }

    public static ApiResponse ok(JsonValue body) {
        return json(200, body);
    }

    public static ApiResponse error(int status, String message) {
        return json(status, JsonObject.builder().put("error", message).build());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, contentType, body, all);
    }
}
