package dev.onlineddl.adapter.vreplication.plan;

import java.util.Locale;

/** Reads which key a duplicate-key error or warning (1062) names. */
public final class DuplicateKeys {

    private static final String FOR_KEY = " for key '";

    private DuplicateKeys() {
    }

    /**
     * Whether the server's duplicate-entry message names this key. MariaDB writes
     * {@code … for key 'PRIMARY'}, MySQL 8 {@code … for key 'table.PRIMARY'}.
     */
    public static boolean names(String message, String keyName) {
        if (message == null) {
            return false;
        }
        int at = message.lastIndexOf(FOR_KEY);
        if (at < 0 || !message.endsWith("'")) {
            return false;
        }
        String key = message.substring(at + FOR_KEY.length(), message.length() - 1);
        int dot = key.lastIndexOf('.');
        String name = dot >= 0 ? key.substring(dot + 1) : key;
        return name.toLowerCase(Locale.ROOT).equals(keyName.toLowerCase(Locale.ROOT));
    }
}
