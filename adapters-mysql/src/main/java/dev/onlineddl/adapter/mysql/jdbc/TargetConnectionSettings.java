package dev.onlineddl.adapter.mysql.jdbc;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.ServerEndpoint;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How to reach the target database. Build one with {@link #of} and adjust it with the
 * {@code with...} methods; every instance is valid.
 *
 * @param jdbcUrl        a Connector/J URL ({@code jdbc:mysql://host:port[/db][?options]}) without
 *                       credentials: the password would end up in logs and error messages
 * @param schema         the database migrated; every connection gets it as its default schema
 * @param user           the account the executor logs in as
 * @param password       asked at every new physical connection, so a rotated password is picked up
 *                       without a restart; never stored here as text
 * @param poolSize       connections kept at most; see {@link #DEFAULT_POOL_SIZE}
 * @param sslMode        Connector/J's {@code sslMode}; empty leaves it to the URL or the driver's default
 * @param connectTimeout how long to wait for the server to accept a new connection (TCP connect and login)
 * @param acquireTimeout how long {@code open()} waits for a free pooled connection before failing
 * @param maxLifetime    a connection is replaced after this long once it is back in the pool; keep
 *                       it below the server's {@code wait_timeout}
 */
public record TargetConnectionSettings(
        String jdbcUrl,
        String schema,
        String user,
        Supplier<String> password,
        int poolSize,
        Optional<SslMode> sslMode,
        Duration connectTimeout,
        Duration acquireTimeout,
        Duration maxLifetime) {

    /**
     * Vitess's executor keeps a pool of 3 connections for its own queries; on top of that a
     * running {@code mysql} ALTER holds one for as long as it runs, and cancelling it needs
     * another to send the KILL, while probes and the core keep working.
     */
    public static final int DEFAULT_POOL_SIZE = 6;
    /** Fewer would let a running ALTER starve the KILL that cancels it. */
    public static final int MIN_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 200;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /** HikariCP refuses shorter waits. */
    private static final Duration MIN_ACQUIRE_TIMEOUT = Duration.ofMillis(250);
    /** HikariCP refuses shorter lifetimes. */
    private static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);

    private static final String URL_PREFIX = "jdbc:mysql://";
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)[?&;]\\s*password\\d*\\s*=");
    private static final Pattern SSL_MODE_OPTION = Pattern.compile("(?i)[?&;]\\s*sslmode\\s*=");

    public TargetConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password supplier");
        Objects.requireNonNull(sslMode, "sslMode");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        requireUsableUrl(jdbcUrl);
        if (sslMode.isPresent() && SSL_MODE_OPTION.matcher(jdbcUrl).find()) {
            throw new InvalidInputException("the JDBC URL " + jdbcUrl + " already sets sslMode and sslMode "
                    + sslMode.get() + " was configured too: set it in one place only");
        }
        if (schema.isBlank()) {
            throw new InvalidInputException("no target database given for " + jdbcUrl + ": name the database to migrate");
        }
        Identifiers.requireWithinLengthLimit(schema, "target database name");
        if (user.isBlank()) {
            throw new InvalidInputException("no user given for " + jdbcUrl + ": name the account the executor logs in as");
        }
        if (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE) {
            throw new InvalidInputException("connection pool size " + poolSize + " for " + jdbcUrl + " is out of range: use "
                    + MIN_POOL_SIZE + " to " + MAX_POOL_SIZE + " (default " + DEFAULT_POOL_SIZE + ")");
        }
        requirePositive("connect timeout", connectTimeout, Duration.ofMillis(1));
        requirePositive("acquire timeout", acquireTimeout, MIN_ACQUIRE_TIMEOUT);
        requirePositive("maximum connection lifetime", maxLifetime, MIN_MAX_LIFETIME);
    }

    /** Settings with the defaults: pool of {@link #DEFAULT_POOL_SIZE}, the URL's or driver's sslMode. */
    public static TargetConnectionSettings of(String jdbcUrl, String schema, String user, Supplier<String> password) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, DEFAULT_POOL_SIZE, Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_MAX_LIFETIME);
    }

    public TargetConnectionSettings withPoolSize(int size) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, size, sslMode, connectTimeout, acquireTimeout,
                maxLifetime);
    }

    public TargetConnectionSettings withSslMode(SslMode mode) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, poolSize, Optional.of(mode), connectTimeout,
                acquireTimeout, maxLifetime);
    }

    public TargetConnectionSettings withConnectTimeout(Duration timeout) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, poolSize, sslMode, timeout, acquireTimeout,
                maxLifetime);
    }

    public TargetConnectionSettings withAcquireTimeout(Duration timeout) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, poolSize, sslMode, connectTimeout, timeout,
                maxLifetime);
    }

    public TargetConnectionSettings withMaxLifetime(Duration lifetime) {
        return new TargetConnectionSettings(jdbcUrl, schema, user, password, poolSize, sslMode, connectTimeout,
                acquireTimeout, lifetime);
    }

    /**
     * The server's address as Connector/J reads the URL (its first host; 3306 when the URL names no
     * port), the user and the password supplier.
     */
    public ServerEndpoint endpoint() {
        HostInfo host = ConnectionUrl.getConnectionUrlInstance(jdbcUrl, new Properties()).getMainHost();
        // Connector/J keeps an IPv6 address in the URL's brackets; a tool's --host wants the bare address.
        String name = host.getHost();
        if (name.length() > 2 && name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return new ServerEndpoint(name, host.getPort(), user, password);
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "TargetConnectionSettings[jdbcUrl=" + jdbcUrl + ", schema=" + schema + ", user=" + user
                + ", password=***, poolSize=" + poolSize + ", sslMode=" + sslMode.map(SslMode::name).orElse("(driver default)")
                + ", connectTimeout=" + connectTimeout + ", acquireTimeout=" + acquireTimeout + ", maxLifetime=" + maxLifetime + "]";
    }

    private static void requireUsableUrl(String jdbcUrl) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX)) {
            // Shown without the rest of the text: a mistyped URL may well contain a password.
            throw new InvalidInputException("the target JDBC URL must start with " + URL_PREFIX
                    + " (MySQL Connector/J): give jdbc:mysql://host:port/database");
        }
        int authorityEnd = firstOf(jdbcUrl, URL_PREFIX.length(), '/', '?');
        if (jdbcUrl.substring(URL_PREFIX.length(), authorityEnd).indexOf('@') >= 0
                || PASSWORD_OPTION.matcher(jdbcUrl).find()) {
            throw new InvalidInputException("the target JDBC URL carries credentials: remove them from the URL and"
                    + " configure the user and password separately, so that they never appear in logs");
        }
    }

    private static int firstOf(String text, int from, char... characters) {
        for (int position = from; position < text.length(); position++) {
            for (char c : characters) {
                if (text.charAt(position) == c) {
                    return position;
                }
            }
        }
        return text.length();
    }

    private static void requirePositive(String what, Duration value, Duration minimum) {
        if (value.compareTo(minimum) < 0) {
            throw new InvalidInputException(what + " " + value + " is too short: give at least " + minimum);
        }
    }
}
