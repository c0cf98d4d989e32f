package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.List;

/** Reads {@code SHOW CREATE VIEW} output into a {@link ViewModel}. */
final class ShowCreateViewReader {

    private ShowCreateViewReader() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a CREATE VIEW statement
     */
    static ViewModel read(String showCreateView) {
        List<SqlToken> tokens = SqlLexer.serverTokens(showCreateView);
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            throw new IllegalArgumentException("expected CREATE, found " + (tokens.isEmpty() ? "nothing" : tokens.get(0).text()));
        }
        int attributesStart = 1;
        if (tokens.size() > 2 && tokens.get(1).isWord("OR") && tokens.get(2).isWord("REPLACE")) {
            attributesStart = 3;
        }
        int view = attributesStart;
        while (view < tokens.size() && !tokens.get(view).isWord("VIEW")) {
            if (tokens.get(view).isWord("TABLE")) {
                throw new IllegalArgumentException("expected CREATE VIEW, found a CREATE TABLE");
            }
            view++;
        }
        if (view >= tokens.size()) {
            throw new IllegalArgumentException("expected CREATE ... VIEW, found no VIEW keyword");
        }
        int nameIndex = view + 1;
        while (nameIndex + 2 < tokens.size() && tokens.get(nameIndex + 1).isSymbol(".")) {
            nameIndex += 2; // schema-qualified: keep the view part
        }
        if (nameIndex >= tokens.size()) {
            throw new IllegalArgumentException("the view has no name");
        }
        String name = tokens.get(nameIndex).identifierValue();
        int next = nameIndex + 1;
        String columns = "";
        if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
            int close = next;
            int depth = 0;
            for (; close < tokens.size(); close++) {
                if (tokens.get(close).isSymbol("(")) {
                    depth++;
                } else if (tokens.get(close).isSymbol(")") && --depth == 0) {
                    break;
                }
            }
            if (close >= tokens.size()) {
                throw new IllegalArgumentException("unbalanced column list of view " + name);
            }
            columns = showCreateView.substring(tokens.get(next).start(), tokens.get(close).end());
            next = close + 1;
        }
        if (next + 1 >= tokens.size() || !tokens.get(next).isWord("AS")) {
            throw new IllegalArgumentException("expected AS and a SELECT after the name of view " + name);
        }
        String attributes = attributesStart < view
                ? showCreateView.substring(tokens.get(attributesStart).start(), tokens.get(view - 1).end())
                : "";
        String body = showCreateView.substring(tokens.get(next + 1).start()).strip();
        return new ViewModel(name, attributes, columns, body);
    }
}
