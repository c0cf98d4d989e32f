package dev.onlineddl.adapter.mysql.diff;

import java.util.Objects;

/**
 * One table-level CHECK constraint: {@code CONSTRAINT `c` CHECK (`a` > 0)}.
 *
 * @param name its name (the server names unnamed ones)
 * @param text the whole element, verbatim
 * @param body {@code CHECK (...)}
 */
record CheckModel(String name, String text, String body) {

    CheckModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(body, "body");
    }
}
