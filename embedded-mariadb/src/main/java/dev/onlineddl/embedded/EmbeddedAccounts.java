package dev.onlineddl.embedded;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts of a freshly installed embedded server: {@value #USER} with every privilege, and
 * every other account (root above all) made unusable. The installer leaves a password-less root
 * reachable over TCP, which is what lets us in once; a password-less superuser on a local port
 * must not outlive that.
 */
final class EmbeddedAccounts {

    static final String USER = "onlineddl";
    /** The hosts the account may connect from: TCP over loopback, and the Unix socket. */
    static final List<String> USER_HOSTS = List.of("127.0.0.1", "localhost");

    private EmbeddedAccounts() {
    }

    /**
     * Creates (or re-creates) the onlineddl account with the password, then gives every other account
     * a random password that nobody keeps.
     *
     * @param root a connection as root; statements are prepared client-side (Connector/J's default),
     *             so the bound names and passwords reach the server as escaped literals, which is
     *             what account statements accept
     */
    static void provision(Connection root, Password password, SecureRandom random) throws SQLException {
        keepOutOfTheBinlog(root);
        for (String host : USER_HOSTS) {
            execute(root, "CREATE OR REPLACE USER ?@? IDENTIFIED BY ?", USER, host, password.value());
            execute(root, "GRANT ALL PRIVILEGES ON *.* TO ?@? WITH GRANT OPTION", USER, host);
        }
        for (Account other : accountsOtherThan(root, USER)) {
            try {
                execute(root, "ALTER USER ?@? IDENTIFIED BY ?", other.user(), other.host(),
                        PasswordFile.generate(random).value());
            } catch (SQLException cannotAlter) {
                // Only host-name accounts refuse; with --skip-name-resolve nobody can log in through them anyway.
                if (cannotAlter.getErrorCode() != MysqlErrorNumbers.ER_CANNOT_USER) {
                    throw cannotAlter;
                }
            }
        }
    }

    /**
     * Account statements of one server are its own business: kept out of its binlog, a replica
     * replaying that binlog from the start does not stumble over accounts it has made itself.
     */
    static void keepOutOfTheBinlog(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("SET SESSION sql_log_bin = 0");
        }
    }

    /** Every account there is now, e.g. those the installer made, to be locked once the caller has made its own. */
    static List<Account> existingAccounts(Connection connection) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT User, Host FROM mysql.user")) {
            while (rows.next()) {
                accounts.add(new Account(rows.getString("User"), rows.getString("Host")));
            }
        }
        return accounts;
    }

    /**
     * Locks the accounts: nobody logs in through them any more. Accounts named after a host name
     * cannot be altered under {@code --skip-name-resolve}, and nobody can log in through them anyway.
     */
    static void lock(Connection superuser, List<Account> accounts) throws SQLException {
        for (Account account : accounts) {
            try {
                execute(superuser, "ALTER USER ?@? ACCOUNT LOCK", account.user(), account.host());
            } catch (SQLException cannotAlter) {
                if (cannotAlter.getErrorCode() != MysqlErrorNumbers.ER_CANNOT_USER) {
                    throw cannotAlter;
                }
            }
        }
    }

    record Account(String user, String host) {
    }

    private static List<Account> accountsOtherThan(Connection connection, String user) throws SQLException {
        List<Account> others = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT User, Host FROM mysql.user WHERE User <> ?")) {
            query.setString(1, user);
            try (ResultSet accounts = query.executeQuery()) {
                while (accounts.next()) {
                    others.add(new Account(accounts.getString("User"), accounts.getString("Host")));
                }
            }
        }
        return others;
    }

    private static void execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}
