package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/** Splits submitted SQL into statements and removes comments. */
final class SqlScript {

    private SqlScript() {
    }

    /**
     * The statements of a script: split on {@code ;} outside quotes and comments, comments
     * replaced by a space (executable comments keep their content), surrounding whitespace
     * trimmed, empty statements dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (SqlToken token : SqlLexer.tokenize(script)) {
            if (token.isSymbol(";")) {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(token.type() == SqlToken.Type.COMMENT ? " " : token.text());
            }
        }
        addIfNotBlank(statements, current);
        return List.copyOf(statements);
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }
}
