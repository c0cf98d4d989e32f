package dev.onlineddl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.json.Json;
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

    static void print(List<ObjectNode> rows, PrintWriter out) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(COLUMNS);
        for (ObjectNode row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : COLUMNS) {
                line.add(cell(row.path(column)));
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

    /** A cell as the MySQL client prints it: NULL, booleans as 1 and 0, numbers as written. */
    static String cell(JsonNode value) {
        String text;
        if (value.isTextual()) {
            text = value.textValue();
        } else if (value.isNumber()) {
            text = value.decimalValue().toPlainString();
        } else if (value.isBoolean()) {
            text = value.booleanValue() ? "1" : "0";
        } else if (value.isNull() || value.isMissingNode()) {
            text = "NULL";
        } else {
            text = Json.write(value);
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
