package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code SHOW CREATE TABLE} output (MySQL or MariaDB) into a {@link TableModel}. The
 * server prints one element per line, every identifier quoted, options as {@code NAME=value};
 * anything outside that grammar is rejected rather than guessed at.
 */
final class ShowCreateTableReader {

    private final String source;
    private final List<SqlToken> tokens;

    private ShowCreateTableReader(String source) {
        this.source = source;
        this.tokens = SqlLexer.serverTokens(source);
    }

    /**
     * @throws IllegalArgumentException when the text is not a CREATE TABLE statement as a server prints it
     */
    static TableModel read(String showCreateTable) {
        return new ShowCreateTableReader(showCreateTable).table();
    }

    private TableModel table() {
        int position = 0;
        position = expectWord(position, "CREATE");
        if (position < tokens.size() && tokens.get(position).isWord("TEMPORARY")) {
            position++;
        }
        if (position >= tokens.size() || !tokens.get(position).isWord("TABLE")) {
            throw new IllegalArgumentException("expected CREATE TABLE, found " + describe(position - 1, 3)
                    + " (a view's definition is compared as a view)");
        }
        position++;
        if (position + 2 < tokens.size() && tokens.get(position).isWord("IF")) {
            position += 3; // IF NOT EXISTS
        }
        int nameIndex = position;
        while (nameIndex + 2 < tokens.size() && tokens.get(nameIndex + 1).isSymbol(".")) {
            nameIndex += 2; // schema-qualified: keep the table part
        }
        String name = requireName(nameIndex, "table name");
        position = nameIndex + 1;
        if (position >= tokens.size() || !tokens.get(position).isSymbol("(")) {
            throw new IllegalArgumentException("expected '(' after the table name, found " + describe(position, 3));
        }
        int close = matchingParenthesis(position);

        List<ColumnModel> columns = new ArrayList<>();
        List<IndexModel> indexes = new ArrayList<>();
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        List<CheckModel> checks = new ArrayList<>();
        List<String> otherElements = new ArrayList<>();
        int elementStart = position + 1;
        int depth = 0;
        for (int index = position + 1; index <= close; index++) {
            SqlToken token = tokens.get(index);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && index != close) {
                depth--;
            } else if ((token.isSymbol(",") && depth == 0) || index == close) {
                if (index == elementStart) {
                    throw new IllegalArgumentException("empty element in the column list at offset " + token.start());
                }
                readElement(elementStart, index, columns, indexes, foreignKeys, checks, otherElements);
                elementStart = index + 1;
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the table has no columns");
        }

        int partitionStart = partitionStart(close + 1);
        List<TableOption> options = readOptions(close + 1, partitionStart);
        Optional<String> partitioning = partitionStart < tokens.size()
                ? Optional.of(source.substring(tokens.get(partitionStart).start()).strip())
                : Optional.empty();
        return new TableModel(name, columns, indexes, foreignKeys, checks, otherElements, options, partitioning);
    }

    private void readElement(int from, int to, List<ColumnModel> columns, List<IndexModel> indexes,
                             List<ForeignKeyModel> foreignKeys, List<CheckModel> checks, List<String> otherElements) {
        SqlToken first = tokens.get(from);
        if (first.type() == SqlToken.Type.QUOTED_IDENTIFIER || first.type() == SqlToken.Type.STRING) {
            columns.add(column(from, to));
            return;
        }
        Optional<IndexModel.Kind> indexKind = indexKind(from, to);
        if (indexKind.isPresent()) {
            indexes.add(index(indexKind.get(), from, to));
            return;
        }
        if (first.isWord("CONSTRAINT") && from + 2 < to) {
            String name = requireName(from + 1, "constraint name");
            SqlToken kind = tokens.get(from + 2);
            if (kind.isWord("FOREIGN")) {
                foreignKeys.add(foreignKey(name, from, from + 2, to));
                return;
            }
            if (kind.isWord("CHECK")) {
                checks.add(new CheckModel(name, text(from, to), text(from + 2, to)));
                return;
            }
        }
        otherElements.add(text(from, to));
    }

    private ColumnModel column(int from, int to) {
        String name = tokens.get(from).type() == SqlToken.Type.STRING
                ? unquoteAnsi(tokens.get(from).text())
                : tokens.get(from).identifierValue();
        if (from + 1 >= to || tokens.get(from + 1).type() != SqlToken.Type.WORD) {
            throw new IllegalArgumentException("column " + name + " has no data type");
        }
        String dataType = tokens.get(from + 1).text().toLowerCase(Locale.ROOT);
        String charset = null;
        String collation = null;
        ColumnModel.Generation generation = ColumnModel.Generation.NONE;
        int definitionStart = tokens.get(from + 1).start();
        int definitionEnd = tokens.get(to - 1).end();
        StringBuilder withoutCharset = new StringBuilder();
        int copied = definitionStart;
        int depth = 0;
        for (int index = from + 1; index < to; index++) {
            SqlToken token = tokens.get(index);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("CHARACTER") && index + 2 < to && tokens.get(index + 1).isWord("SET")) {
                charset = tokens.get(index + 2).identifierValue();
                withoutCharset.append(source, copied, token.start());
                index += 2;
                copied = index + 1 < to ? tokens.get(index + 1).start() : definitionEnd;
            } else if (depth == 0 && token.isWord("COLLATE") && index + 1 < to) {
                collation = tokens.get(index + 1).identifierValue();
                withoutCharset.append(source, copied, token.start());
                index += 1;
                copied = index + 1 < to ? tokens.get(index + 1).start() : definitionEnd;
            } else if (depth == 0 && (token.isWord("VIRTUAL") || token.isWord("STORED") || token.isWord("PERSISTENT"))
                    && generatedBefore(from + 1, index)) {
                generation = token.isWord("VIRTUAL") ? ColumnModel.Generation.VIRTUAL : ColumnModel.Generation.STORED;
            }
        }
        withoutCharset.append(source, copied, definitionEnd);
        return new ColumnModel(name, source.substring(definitionStart, definitionEnd), dataType,
                Optional.ofNullable(charset), Optional.ofNullable(collation), generation,
                withoutCharset.toString().strip());
    }

    /** VIRTUAL/STORED is a generation kind only after {@code [GENERATED ALWAYS] AS (...)}. */
    private boolean generatedBefore(int from, int index) {
        for (int position = from; position < index; position++) {
            if (tokens.get(position).isWord("AS") && position + 1 < index && tokens.get(position + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    private Optional<IndexModel.Kind> indexKind(int from, int to) {
        SqlToken first = tokens.get(from);
        SqlToken second = from + 1 < to ? tokens.get(from + 1) : null;
        boolean secondIsKey = second != null && (second.isWord("KEY") || second.isWord("INDEX"));
        if (first.isWord("PRIMARY") && secondIsKey) {
            return Optional.of(IndexModel.Kind.PRIMARY);
        }
        if (first.isWord("KEY") || first.isWord("INDEX")) {
            return Optional.of(IndexModel.Kind.PLAIN);
        }
        if (!secondIsKey) {
            return Optional.empty();
        }
        return switch (first.upper()) {
            case "UNIQUE" -> Optional.of(IndexModel.Kind.UNIQUE);
            case "FULLTEXT" -> Optional.of(IndexModel.Kind.FULLTEXT);
            case "SPATIAL" -> Optional.of(IndexModel.Kind.SPATIAL);
            case "VECTOR" -> Optional.of(IndexModel.Kind.OTHER);
            default -> Optional.empty();
        };
    }

    private IndexModel index(IndexModel.Kind kind, int from, int to) {
        int position = from + 1;
        if (kind != IndexModel.Kind.PLAIN) {
            position++; // the KEY after PRIMARY/UNIQUE/...
        }
        String name;
        if (kind == IndexModel.Kind.PRIMARY) {
            name = "PRIMARY";
        } else {
            name = requireName(position, "index name");
            position++;
        }
        if (position >= to || !tokens.get(position).isSymbol("(")) {
            throw new IllegalArgumentException("index " + name + " has no column list: " + text(from, to));
        }
        int close = matchingParenthesis(position);
        Set<String> columns = new LinkedHashSet<>();
        for (int index = position + 1; index < close; index++) {
            if (tokens.get(index).type() == SqlToken.Type.QUOTED_IDENTIFIER) {
                columns.add(tokens.get(index).identifierValue().toLowerCase(Locale.ROOT));
            }
        }
        boolean statesKeyBlockSize = false;
        boolean ignored = false;
        StringBuilder body = new StringBuilder();
        int copied = tokens.get(position).start();
        int end = tokens.get(to - 1).end();
        for (int index = close + 1; index < to; index++) {
            SqlToken token = tokens.get(index);
            statesKeyBlockSize |= token.isWord("KEY_BLOCK_SIZE");
            if (token.isWord("IGNORED")) {
                ignored = true;
                body.append(source, copied, token.start());
                copied = index + 1 < to ? tokens.get(index + 1).start() : end;
            }
        }
        body.append(source, copied, end);
        return new IndexModel(kind, name, text(from, to), body.toString().strip(), ignored, columns, statesKeyBlockSize);
    }

    private ForeignKeyModel foreignKey(String name, int from, int foreignWord, int to) {
        int ownOpen = indexOf("(", foreignWord, to, "FOREIGN KEY column list of " + name);
        int ownClose = matchingParenthesis(ownOpen);
        int references = ownClose + 1;
        if (references >= to || !tokens.get(references).isWord("REFERENCES")) {
            throw new IllegalArgumentException("foreign key " + name + " has no REFERENCES: " + text(from, to));
        }
        int referencedOpen = indexOf("(", references, to, "referenced column list of " + name);
        String referencedTable = tokens.get(referencedOpen - 1).identifierValue();
        int referencedClose = matchingParenthesis(referencedOpen);
        int end = tokens.get(to - 1).end();
        return new ForeignKeyModel(name, text(from, to),
                source.substring(tokens.get(foreignWord).start(), tokens.get(ownOpen).start()),
                source.substring(tokens.get(ownOpen).start(), tokens.get(ownClose).end()),
                source.substring(tokens.get(ownClose).end(), tokens.get(referencedOpen).start()),
                referencedTable,
                source.substring(tokens.get(referencedOpen).start(), tokens.get(referencedClose).end()),
                source.substring(tokens.get(referencedClose).end(), end));
    }

    /** Index of the first token of the partitioning clause, or the end. */
    private int partitionStart(int from) {
        for (int index = from; index < tokens.size(); index++) {
            SqlToken token = tokens.get(index);
            if (token.isWord("PARTITION") && index + 1 < tokens.size() && tokens.get(index + 1).isWord("BY")) {
                return index;
            }
            if (token.type() == SqlToken.Type.EXECUTABLE_COMMENT
                    && token.text().toUpperCase(Locale.ROOT).matches("(?s)/\\*M?!\\d*\\s*PARTITION\\s+BY.*")) {
                return index;
            }
        }
        return tokens.size();
    }

    private List<TableOption> readOptions(int from, int to) {
        List<TableOption> options = new ArrayList<>();
        int index = from;
        while (index < to) {
            SqlToken token = tokens.get(index);
            if (token.type() == SqlToken.Type.EXECUTABLE_COMMENT) {
                options.add(new TableOption(token.text(), Optional.empty(), token.text()));
                index++;
                continue;
            }
            if (token.isSymbol(",")) {
                index++;
                continue;
            }
            int nameEnd = index;
            while (nameEnd < to && tokens.get(nameEnd).type() == SqlToken.Type.WORD) {
                nameEnd++;
            }
            if (nameEnd == index) {
                throw new IllegalArgumentException("unexpected " + describe(index, 3) + " among the table options");
            }
            StringBuilder name = new StringBuilder();
            for (int word = index; word < nameEnd; word++) {
                name.append(word > index ? " " : "").append(tokens.get(word).upper());
            }
            if (nameEnd < to && tokens.get(nameEnd).isSymbol("=")) {
                int valueStart = nameEnd + 1;
                if (valueStart >= to) {
                    throw new IllegalArgumentException("table option " + name + " has no value");
                }
                int valueEnd = tokens.get(valueStart).isSymbol("(") ? matchingParenthesis(valueStart) : valueStart;
                String value = source.substring(tokens.get(valueStart).start(), tokens.get(valueEnd).end());
                options.add(new TableOption(name.toString(), Optional.of(value), text(index, valueEnd + 1)));
                index = valueEnd + 1;
            } else {
                options.add(new TableOption(name.toString(), Optional.empty(), text(index, nameEnd)));
                index = nameEnd;
            }
        }
        return options;
    }

    private int expectWord(int position, String word) {
        if (position >= tokens.size() || !tokens.get(position).isWord(word)) {
            throw new IllegalArgumentException("expected " + word + ", found " + describe(position, 3));
        }
        return position + 1;
    }

    private String requireName(int position, String role) {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("missing " + role);
        }
        SqlToken token = tokens.get(position);
        return switch (token.type()) {
            case QUOTED_IDENTIFIER, WORD -> token.identifierValue();
            case STRING -> unquoteAnsi(token.text());
            default -> throw new IllegalArgumentException("expected a " + role + ", found " + describe(position, 3));
        };
    }

    private static String unquoteAnsi(String quoted) {
        char quote = quoted.charAt(0);
        return quoted.substring(1, quoted.length() - 1).replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    private int indexOf(String symbol, int from, int to, String role) {
        for (int index = from; index < to; index++) {
            if (tokens.get(index).isSymbol(symbol)) {
                return index;
            }
        }
        throw new IllegalArgumentException("missing " + role);
    }

    private int matchingParenthesis(int open) {
        int depth = 0;
        for (int index = open; index < tokens.size(); index++) {
            if (tokens.get(index).isSymbol("(")) {
                depth++;
            } else if (tokens.get(index).isSymbol(")") && --depth == 0) {
                return index;
            }
        }
        throw new IllegalArgumentException("unbalanced parenthesis at offset " + tokens.get(open).start());
    }

    /** Source text of tokens [from, to). */
    private String text(int from, int to) {
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private String describe(int position, int count) {
        if (position < 0 || position >= tokens.size()) {
            return "the end of the text";
        }
        int end = Math.min(tokens.size(), position + count);
        return "'" + text(position, end) + "'";
    }
}
