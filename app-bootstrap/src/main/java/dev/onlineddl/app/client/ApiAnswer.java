package dev.onlineddl.app.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
import java.util.Objects;

/** A daemon's answer: the HTTP status and the JSON object it sent. */
public record ApiAnswer(int status, ObjectNode body) {

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
        return Json.string(body, "error").orElse("HTTP status " + status);
    }
}
