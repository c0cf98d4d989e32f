package dev.onlineddl.testkit;

import dev.onlineddl.domain.naming.Identifiers;
import java.util.Locale;

/**
 * Names of the databases the kit creates: {@code t_<test class>_<n>} and
 * {@code <that>_<suffix>} for siblings. Only {@code [a-z0-9_]}, so the names need no care in
 * URLs, on case-insensitive file systems or in shell commands, and never longer than MySQL's 64.
 */
final class DatabaseNames {

    private static final String PREFIX = "t_";
    private static final int MAX_SUFFIX_LENGTH = 20;

    private DatabaseNames() {
    }

    /**
     * The name for a test class's database; {@code number} tells apart the classes of one JVM and,
     * on a shared external server, retries after a name that another JVM already took.
     */
    static String forTestClass(String simpleClassName, int number) {
        return withinLimit(PREFIX + sanitize(simpleClassName), "_" + number);
    }

    /** The name for a sibling of {@code databaseName}; {@code attempt} 1 gives the plain name, later ones a counter. */
    static String sibling(String databaseName, String suffix, int attempt) {
        String cleanSuffix = sanitize(suffix);
        if (cleanSuffix.isEmpty()) {
            throw new IllegalArgumentException("a sibling database needs a suffix of letters or digits, e.g. \"target\"; got '"
                    + suffix + "'");
        }
        String counter = attempt <= 1 ? "" : "_" + attempt;
        // The base name is cut rather than the suffix, so that a sibling never comes out equal to its original.
        String shortSuffix = cleanSuffix.length() > MAX_SUFFIX_LENGTH ? cleanSuffix.substring(0, MAX_SUFFIX_LENGTH) : cleanSuffix;
        return withinLimit(databaseName, "_" + shortSuffix + counter);
    }

    /** Lower case, and every run of characters other than letters and digits turned into one underscore. */
    static String sanitize(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        int start = 0;
        int end = cleaned.length();
        while (start < end && cleaned.charAt(start) == '_') {
            start++;
        }
        while (end > start && cleaned.charAt(end - 1) == '_') {
            end--;
        }
        return cleaned.substring(start, end);
    }

    /** {@code stem + tail}, the stem cut short so that the whole fits; the tail is what keeps names unique. */
    private static String withinLimit(String stem, String tail) {
        int room = Identifiers.MAX_IDENTIFIER_LENGTH - tail.length();
        return (stem.length() > room ? stem.substring(0, room) : stem) + tail;
    }
}
