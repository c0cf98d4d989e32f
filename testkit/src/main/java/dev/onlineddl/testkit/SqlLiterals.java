package dev.onlineddl.testkit;

/**
 * String literals for the few statements that take no bind parameters ({@code CREATE USER ...
 * IDENTIFIED BY}, account names in {@code GRANT}).
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * {@code value} as a single-quoted literal that means the same under every {@code sql_mode}:
     * backslashes are doubled because they escape unless {@code NO_BACKSLASH_ESCAPES} is set, and
     * quotes are doubled because that works whether or not it is. NUL cannot be written either way.
     */
    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL string literal cannot hold a NUL character: remove it");
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** {@code 'user'@'%'}: the account on every host, as the testkit creates them. */
    static String anyHostAccount(String user) {
        return quote(user) + "@'%'";
    }
}
