package dev.onlineddl.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onlineddl.app.json.Json;
import io.javalin.http.Context;

/** How every endpoint answers: compact JSON, one line. */
final class ApiAnswers {

    static final String JSON = "application/json; charset=utf-8";

    private ApiAnswers() {
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(JSON).result(Json.write(body) + "\n");
    }

    static void ok(Context ctx, JsonNode body) {
        json(ctx, 200, body);
    }
}
