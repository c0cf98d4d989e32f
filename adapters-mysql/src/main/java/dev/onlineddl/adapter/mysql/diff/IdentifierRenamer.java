package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import dev.onlineddl.domain.naming.Identifiers;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the quoted identifiers of a piece of server-printed DDL through a rename map: the
 * server prints every column reference quoted, so this is how an expression, index or constraint
 * of the live table reads after its columns are renamed.
 */
final class IdentifierRenamer {

    private IdentifierRenamer() {
    }

    /**
     * @param renames lower-case old name to new name
     */
    static String rename(String text, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return text;
        }
        List<SqlToken> tokens = SqlLexer.serverTokens(text);
        StringBuilder renamed = new StringBuilder(text.length());
        int copied = 0;
        for (SqlToken token : tokens) {
            if (token.type() != SqlToken.Type.QUOTED_IDENTIFIER) {
                continue;
            }
            String newName = renames.get(token.identifierValue().toLowerCase(Locale.ROOT));
            if (newName != null) {
                renamed.append(text, copied, token.start()).append(Identifiers.quote(newName));
                copied = token.end();
            }
        }
        return renamed.append(text, copied, text.length()).toString();
    }
}
