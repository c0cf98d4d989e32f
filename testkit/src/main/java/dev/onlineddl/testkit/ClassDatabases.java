package dev.onlineddl.testkit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of one test class: the one its tests receive and the siblings they asked for.
 * All of them are dropped together after the class.
 */
final class ClassDatabases {

    /** Plenty for name clashes with leftovers or parallel JVMs; a server that refuses more names has another problem. */
    private static final int MAX_NAME_ATTEMPTS = 100;

    private final ProvisionedServer server;
    private final List<String> created = new ArrayList<>();
    /** Per original database and suffix: the attempt number the next sibling starts from. */
    private final Map<String, Integer> nextSiblingAttempt = new HashMap<>();
    private final ProvisionedDatabase primary;

    private ClassDatabases(ProvisionedServer server, String testClassName) throws SQLException {
        this.server = server;
        this.primary = create(attempt -> DatabaseNames.forTestClass(testClassName, server.nextDatabaseNumber()));
    }

    static ClassDatabases open(ProvisionedServer server, Class<?> testClass) throws SQLException {
        return new ClassDatabases(server, testClass.getSimpleName());
    }

    TestDatabase primary() {
        return primary;
    }

    /**
     * A new sibling; asking again with the same suffix (say, from the constructor of a test class
     * with one instance per test) gives {@code _2}, {@code _3}, ... without retrying the names
     * already handed out.
     */
    TestDatabase createSibling(String databaseName, String suffix) throws SQLException {
        String key = databaseName + "\0" + suffix;
        int firstAttempt;
        synchronized (nextSiblingAttempt) {
            firstAttempt = nextSiblingAttempt.merge(key, 1, Integer::sum);
        }
        return create(firstAttempt, attempt -> DatabaseNames.sibling(databaseName, suffix, attempt));
    }

    private ProvisionedDatabase create(NameForAttempt names) throws SQLException {
        return create(1, names);
    }

    private ProvisionedDatabase create(int firstAttempt, NameForAttempt names) throws SQLException {
        String name = null;
        for (int attempt = firstAttempt; attempt < firstAttempt + MAX_NAME_ATTEMPTS; attempt++) {
            name = names.name(attempt);
            if (server.createDatabase(name)) {
                synchronized (created) {
                    created.add(name);
                }
                return new ProvisionedDatabase(this, server, name);
            }
        }
        throw new SQLException("found no free database name after " + MAX_NAME_ATTEMPTS + " attempts (last: "
                + name + ") on " + server.describe() + ": drop the leftover t_* databases there");
    }

    /** Drops every database of the class, newest first, and reports all failures rather than the first. */
    void dropAll() throws SQLException {
        List<String> names;
        synchronized (created) {
            names = new ArrayList<>(created);
            created.clear();
        }
        SQLException failure = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                server.dropDatabase(names.get(i));
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @FunctionalInterface
    private interface NameForAttempt {
        String name(int attempt);
    }
}
