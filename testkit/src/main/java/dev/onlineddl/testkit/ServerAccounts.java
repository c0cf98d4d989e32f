package dev.onlineddl.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two accounts the kit creates on a server it starts itself, with fresh random passwords:
 * an administrator with every privilege, and a test user with every privilege except those that
 * ignore {@code read_only}, so that tests see what an application sees on a read-only server.
 */
final class ServerAccounts {

    static final String ADMIN_USER = "onlineddl_admin";
    static final String TEST_USER = "onlineddl_test";

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private ServerAccounts() {
    }

    record Accounts(Credentials admin, Credentials testUser) {
    }

    /** Creates both accounts through a connection that may grant everything (root on a fresh server). */
    static Accounts create(Connection superuser, SecureRandom random) throws SQLException {
        Credentials admin = Credentials.withGeneratedPassword(ADMIN_USER, random);
        Credentials testUser = Credentials.withGeneratedPassword(TEST_USER, random);
        try (Statement statement = superuser.createStatement()) {
            String version;
            try (ResultSet result = statement.executeQuery("SELECT VERSION()")) {
                result.next();
                version = result.getString(1);
            }
            createAccount(statement, admin);
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO " + SqlLiterals.anyHostAccount(admin.user()) + " WITH GRANT OPTION");
            createAccount(statement, testUser);
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO " + SqlLiterals.anyHostAccount(testUser.user()));
            statement.execute("REVOKE " + String.join(", ", readOnlyBypassPrivileges(version)) + " ON *.* FROM "
                    + SqlLiterals.anyHostAccount(testUser.user()));
        }
        return new Accounts(admin, testUser);
    }

    /**
     * The privileges that let an account write while {@code read_only=1}: MariaDB split
     * {@code READ_ONLY ADMIN} out of {@code SUPER} in 10.11; before that, and on MySQL 5.7,
     * {@code SUPER} is the one; MySQL 8 also lets {@code CONNECTION_ADMIN} through.
     */
    static List<String> readOnlyBypassPrivileges(String version) {
        Matcher matcher = MAJOR_MINOR.matcher(version);
        if (!matcher.find()) {
            throw new IllegalArgumentException("cannot read a server version from '" + version + "'");
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (ProvisionedServer.isMariaDbVersion(version)) {
            return major > 10 || (major == 10 && minor >= 11) ? List.of("READ_ONLY ADMIN") : List.of("SUPER");
        }
        return major >= 8 ? List.of("SUPER", "CONNECTION_ADMIN") : List.of("SUPER");
    }

    private static void createAccount(Statement statement, Credentials credentials) throws SQLException {
        statement.execute("CREATE USER " + SqlLiterals.anyHostAccount(credentials.user()) + " IDENTIFIED BY "
                + SqlLiterals.quote(credentials.password()));
    }
}
