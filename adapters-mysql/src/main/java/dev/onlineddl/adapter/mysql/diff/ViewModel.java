package dev.onlineddl.adapter.mysql.diff;

import java.util.Objects;

/**
 * A view as {@code SHOW CREATE VIEW} prints it:
 * {@code CREATE ALGORITHM=UNDEFINED DEFINER=`u`@`h` SQL SECURITY DEFINER VIEW `v` AS select ...}.
 *
 * @param name       the view's name
 * @param attributes what stands between CREATE and VIEW (algorithm, definer, SQL security), verbatim
 * @param columns    the explicit column list with its parentheses, or empty
 * @param body       the SELECT and any WITH CHECK OPTION, verbatim
 */
record ViewModel(String name, String attributes, String columns, String body) {

    ViewModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(body, "body");
    }

    /** Everything but the name: two views are the same when this is. */
    String definition() {
        return attributes + " VIEW " + (columns.isEmpty() ? "" : columns + " ") + "AS " + body;
    }
}
