package dev.onlineddl.app.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} serves.
 *
 * @param contentType the exposition format's media type
 * @param text        the exposition text as of now, computed at each scrape
 */
public record MetricsEndpoint(String contentType, Supplier<String> text) {

    public MetricsEndpoint {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
    }

    String scrape() {
        return text.get();
    }
}
