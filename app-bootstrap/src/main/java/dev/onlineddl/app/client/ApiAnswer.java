package dev.onlineddl.app.client;

import dev.onlineddl.app.json.JsonValue.JsonObject;
import java.util.Objects;

/** A daemon's answer: the HTTP status and the JSON object it sent. */
public record ApiAnswer(int status, JsonObject body) {

    public ApiAnswer {
        Objects.requireNonNull(body, "body");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The request was wrong (bad input, no or wrong token, unknown migration): the user can fix it. */
    public boolean isRejection() {
        return status >= 400 && status < 500;
    }

    /** The daemon's error message, or the status when it sent none. */
    public String error() {
        return body.string("error").orElse("HTTP status " + status);
    }
}
