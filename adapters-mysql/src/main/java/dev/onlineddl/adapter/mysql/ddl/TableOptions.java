package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table options of MySQL and MariaDB that ALTER TABLE accepts, by their keywords. */
final class TableOptions {

    /** Longest first, so that DEFAULT CHARACTER SET is not read as DEFAULT CHARSET's prefix. */
    private static final List<List<String>> NAMES = List.of(
            List.of("DEFAULT", "CHARACTER", "SET"),
            List.of("DEFAULT", "CHARSET"),
            List.of("DEFAULT", "COLLATE"),
            List.of("CHARACTER", "SET"),
            List.of("DATA", "DIRECTORY"),
            List.of("INDEX", "DIRECTORY"),
            List.of("AUTO_INCREMENT"),
            List.of("AUTOEXTEND_SIZE"),
            List.of("AVG_ROW_LENGTH"),
            List.of("CHARSET"),
            List.of("CHECKSUM"),
            List.of("COLLATE"),
            List.of("COMMENT"),
            List.of("COMPRESSION"),
            List.of("CONNECTION"),
            List.of("DELAY_KEY_WRITE"),
            List.of("ENCRYPTED"),
            List.of("ENCRYPTION"),
            List.of("ENCRYPTION_KEY_ID"),
            List.of("ENGINE"),
            List.of("ENGINE_ATTRIBUTE"),
            List.of("IETF_QUOTES"),
            List.of("INSERT_METHOD"),
            List.of("KEY_BLOCK_SIZE"),
            List.of("MAX_ROWS"),
            List.of("MIN_ROWS"),
            List.of("PACK_KEYS"),
            List.of("PAGE_CHECKSUM"),
            List.of("PAGE_COMPRESSED"),
            List.of("PAGE_COMPRESSION_LEVEL"),
            List.of("PASSWORD"),
            List.of("ROW_FORMAT"),
            List.of("SECONDARY_ENGINE_ATTRIBUTE"),
            List.of("STATS_AUTO_RECALC"),
            List.of("STATS_PERSISTENT"),
            List.of("STATS_SAMPLE_PAGES"),
            List.of("TABLE_CHECKSUM"),
            List.of("TABLESPACE"),
            List.of("TRANSACTIONAL"),
            List.of("UNION"));

    private TableOptions() {
    }

    /** The option name at the cursor, if any; consumes nothing. */
    static Optional<List<String>> peekName(TokenCursor cursor) {
        return NAMES.stream().filter(name -> cursor.peekWords(name.toArray(String[]::new))).findFirst();
    }

    /**
     * Reads options up to the end of the cursor: {@code NAME [=] value}, repeated, where the value
     * is one token or a parenthesised list ({@code UNION = (t1, t2)}).
     *
     * @return the options, or empty if anything else is found
     */
    static Optional<List<AlterClause.TableOption>> readAll(TokenCursor cursor) {
        List<AlterClause.TableOption> options = new ArrayList<>();
        while (!cursor.atEnd()) {
            Optional<List<String>> name = peekName(cursor);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            cursor.acceptWords(name.get().toArray(String[]::new));
            boolean hasEquals = cursor.acceptSymbol("=");
            int valueStart = cursor.position();
            if (!cursor.skipParenthesizedGroup()) {
                if (cursor.atEnd() || !isValueToken(cursor.peek().orElseThrow())) {
                    return Optional.empty();
                }
                cursor.next();
            }
            options.add(new AlterClause.TableOption(String.join(" ", name.get()), hasEquals,
                    cursor.text(valueStart, cursor.position())));
        }
        return Optional.of(List.copyOf(options));
    }

    private static boolean isValueToken(SqlToken token) {
        return switch (token.type()) {
            case WORD, QUOTED_IDENTIFIER, STRING, NUMBER -> true;
            default -> false;
        };
    }
}
