package dev.onlineddl.adapter.mysql.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * One table option after the column list: {@code ENGINE=InnoDB}, {@code DEFAULT CHARSET=utf8mb4},
 * {@code WITH SYSTEM VERSIONING}.
 *
 * @param name  upper-case name, words separated by one space ({@code DEFAULT CHARSET})
 * @param value the value verbatim ({@code 'a comment'} keeps its quotes); empty for a flag
 * @param text  the option as printed
 */
record TableOption(String name, Optional<String> value, String text) {

    TableOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }
}
