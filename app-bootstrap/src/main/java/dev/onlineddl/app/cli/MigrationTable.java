package dev.onlineddl.app.cli;

import dev.onlineddl.app.json.JsonValue;
import dev.onlineddl.app.json.JsonValue.JsonBoolean;
import dev.onlineddl.app.json.JsonValue.JsonNull;
import dev.onlineddl.app.json.JsonValue.JsonNumber;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import dev.onlineddl.app.json.JsonValue.JsonString;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The key columns of {@code SHOW VITESS_MIGRATIONS} as an aligned text table. */
final class MigrationTable {

    static final List<String> COLUMNS = List.of(
            "migration_uuid", "mysql_table", "ddl_action", "strategy", "migration_status", "stage", "progress",
            "eta_seconds", "rows_copied", "ready_to_complete", "requested_timestamp", "migration_context", "message");

    /** Long messages and statements would wrap every row; the full text is in --json. */
    static final int MAX_CELL = 60;

    private MigrationTable() {
    }

    static void print(List<JsonObject> rows, PrintWriter out) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(COLUMNS);
        for (JsonObject row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : COLUMNS) {
                line.add(cell(row.get(column).orElse(JsonNull.INSTANCE)));
            }
            cells.add(line);
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(line.get(i));
                if (i + 1 < line.size()) {
                    text.append(" ".repeat(widths[i] - line.get(i).length() + 2));
                }
            }
            out.println(text.toString().stripTrailing());
        }
    }

    static String cell(JsonValue value) {
        String text;
        if (value instanceof JsonString string) {
            text = string.value();
        } else if (value instanceof JsonNumber number) {
            text = number.value().toPlainString();
        } else if (value instanceof JsonBoolean bool) {
            text = bool.value() ? "1" : "0";
        } else if (value instanceof JsonNull) {
            text = "NULL";
        } else {
            text = value.toJson();
        }
        // One row per line: control characters (a multi-line message) become spaces.
        text = text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (text.isEmpty()) {
            return "-";
        }
        if (text.length() <= MAX_CELL) {
            return text;
        }
        int cut = MAX_CELL - 3;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return text.substring(0, cut) + "...";
    }
}
