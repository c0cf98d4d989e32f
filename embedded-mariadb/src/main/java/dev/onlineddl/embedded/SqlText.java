package dev.onlineddl.embedded;

/** SQL text this module writes itself: identifiers are quoted; values are always bound, never written in. */
final class SqlText {

    private SqlText() {
    }

    /** {@code name} as a MySQL/MariaDB identifier in backticks, with any backtick in it doubled. */
    static String quoteIdentifier(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable identifier: '" + name.replace("\0", "\\0") + "'");
        }
        return "`" + name.replace("`", "``") + "`";
    }
}
