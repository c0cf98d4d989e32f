package dev.onlineddl.embedded;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server this process runs itself, for {@code daemon --embedded} and the demo: on a
 * free loopback port, with the binlog the online engines read, reachable only through the
 * {@value EmbeddedAccounts#USER} account whose password is in {@link #passwordFile()}. Any number
 * may run in one JVM, each in its own directory with its own {@link ServerSettings}.
 *
 * <p>{@link #close()} stops it; so does a JVM shutdown hook, so that Ctrl-C never leaves a
 * {@code mariadbd} behind. A user that must close its connections before the server goes (the
 * daemon) takes a {@link #holdStopOnShutdown() hold}.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final ServerDistribution DISTRIBUTION = ServerDistribution.MARIADB_11_4_5;
    /** mariadbd flushes and shuts down cleanly on SIGTERM within this, or is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** A shutdown waits this long at most for the holders (the daemon stopping its engines). */
    private static final Duration SHUTDOWN_HOLD_LIMIT = Duration.ofSeconds(60);
    /** The connection URL's parameters: the server offers no TLS (see --skip-ssl). */
    private static final String URL_PARAMETERS = "?sslMode=DISABLED";

    private final ServerBinaries binaries;
    private final ServerDirectory directory;
    private final boolean keepData;
    private final ServerProcess process;
    private final Optional<Path> socketDirectory;
    private final Password password;
    private final Consumer<String> progress;
    private final List<CompletableFuture<Void>> holds = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Thread shutdownHook;

    private EmbeddedServer(ServerBinaries binaries, ServerDirectory directory, boolean keepData, ServerProcess process,
                           Optional<Path> socketDirectory, Password password, Consumer<String> progress) {
        this.binaries = binaries;
        this.directory = directory;
        this.keepData = keepData;
        this.process = process;
        this.socketDirectory = socketDirectory;
        this.password = password;
        this.progress = progress;
        this.shutdownHook = new Thread(this::stopOnShutdown, "onlineddl-embedded-mariadb-stop");
    }

    /**
     * Finds (unpacking or downloading once) the server, installs a data directory unless the
     * directory has one from an earlier run, starts the server and returns once it accepts
     * connections.
     *
     * @throws EmbeddedServerException saying what failed and what to do; nothing is left running
     */
    public static EmbeddedServer start(EmbeddedServerOptions options) {
        DISTRIBUTION.requireRunnableOn(System.getProperty("os.name"), System.getProperty("os.arch"));
        Optional<Path> binaries = options.binaries().or(() -> binariesFromEnvironment(System.getenv()));
        return start(options, BinariesLocator.standard(DISTRIBUTION, EmbeddedServerOptions.embeddedRoot(options.home()),
                binaries, EmbeddedServer.class.getClassLoader(), options.home()));
    }

    /** {@code ONLINEDDL_EMBEDDED_BINARIES}, when set. */
    public static Optional<Path> binariesFromEnvironment(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(BinariesLocator.BINARIES_VARIABLE))
                .filter(text -> !text.isBlank())
                .map(text -> Path.of(text.strip()));
    }

    /** Like {@link #start(EmbeddedServerOptions)}, with the server found where the locator looks. */
    public static EmbeddedServer start(EmbeddedServerOptions options, BinariesLocator locator) {
        ServerBinaries binaries = locator.locate(options.progress());
        ServerDirectory directory;
        try {
            directory = ServerDirectory.claim(options.directory());
        } catch (IOException e) {
            throw new EmbeddedServerException("could not prepare " + options.directory() + " for the embedded server: "
                    + e.getMessage(), e);
        }
        Optional<Path> socketDirectory = Optional.empty();
        try {
            stopLeftoverServer(directory, options.progress());
            boolean fresh = !directory.isInstalled();
            if (fresh) {
                options.progress().accept("installing system tables in " + directory.dataDirectory());
                directory.install(binaries);
            }
            Path socket;
            if (directory.socketInside().isPresent()) {
                socket = directory.socketInside().get();
            } else {
                socketDirectory = Optional.of(Files.createTempDirectory("onlineddl-mariadb-"));
                socket = socketDirectory.get().resolve("mariadbd.sock");
            }
            options.progress().accept("starting " + DISTRIBUTION.displayName() + " from " + binaries.root()
                    + (fresh ? "" : " on the data kept in " + directory.dataDirectory()));
            ServerProcess process = ServerProcess.start(binaries, new ServerProcess.ServerFiles(directory.dataDirectory(),
                    socket, directory.pidFile(), directory.serverLog()), options.settings());
            EmbeddedServer server;
            try {
                Password password = fresh || !Files.exists(directory.passwordFile())
                        ? provision(directory, process.port())
                        : PasswordFile.read(directory.passwordFile());
                server = new EmbeddedServer(binaries, directory, options.keepData(), process, socketDirectory, password,
                        options.progress());
                server.checkLogin();
            } catch (IOException | SQLException | RuntimeException failed) {
                process.stop(STOP_GRACE);
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            options.progress().accept(DISTRIBUTION.displayName() + " ready on " + server.host() + ":" + server.port());
            return server;
        } catch (IOException | SQLException | RuntimeException failed) {
            releaseFiles(directory, options.keepData(), socketDirectory);
            if (failed instanceof EmbeddedServerException known) {
                throw known;
            }
            throw new EmbeddedServerException("could not start the embedded " + DISTRIBUTION.displayName() + " in "
                    + directory.root() + ": " + failed.getMessage()
                    + (options.keepData() ? "\nIf it keeps failing, delete " + directory.root()
                    + " to start afresh (its databases are lost)." : ""), failed);
        }
    }

    /**
     * Creates the account on a new server (as root, which has no password yet), then takes root's
     * access away; the password file is written last, so that it exists only for a usable account.
     */
    private static Password provision(ServerDirectory directory, int port) throws IOException, SQLException {
        SecureRandom random = new SecureRandom();
        Password password = PasswordFile.generate(random);
        Properties root = new Properties();
        root.setProperty("user", "root");
        root.setProperty("password", "");
        // Account statements take no server-side parameters: let the driver bind them as escaped literals.
        root.setProperty("useServerPrepStmts", "false");
        try (Connection connection = DriverManager.getConnection(url(port, ""), root)) {
            EmbeddedAccounts.provision(connection, password, random);
        } catch (SQLException rootRefused) {
            if (directory.isInstalled() && !Files.exists(directory.passwordFile())) {
                throw new EmbeddedServerException("the server in " + directory.root() + " was set up before, but its"
                        + " password file " + directory.passwordFile() + " is missing and root has no access: restore"
                        + " the file, or delete " + directory.root() + " to start afresh (its databases are lost)",
                        rootRefused);
            }
            throw rootRefused;
        }
        PasswordFile.write(directory.passwordFile(), password);
        return password;
    }

    /** Stops a server left running on this directory by an earlier process that was killed (its shutdown hook never ran). */
    private static void stopLeftoverServer(ServerDirectory directory, Consumer<String> progress) throws IOException {
        if (!Files.isRegularFile(directory.pidFile())) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(directory.pidFile(), StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException notAPid) {
            return;
        }
        String ownDataDirectory = "--datadir=" + directory.dataDirectory();
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().arguments().map(List::of).orElse(List.of()).contains(ownDataDirectory));
        if (leftover.isEmpty()) {
            return;
        }
        progress.accept("stopping the MariaDB server (pid " + pid + ") an earlier onlineddl left running on "
                + directory.dataDirectory());
        ProcessHandle handle = leftover.get();
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            handle.destroyForcibly();
        } catch (ExecutionException impossible) {
            // onExit never completes exceptionally
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server left running on " + directory.dataDirectory());
        }
    }

    /** Once no server runs on it: unlocks the directory, and deletes it unless the data is to be kept. */
    private static void releaseFiles(ServerDirectory directory, boolean keepData, Optional<Path> socketDirectory) {
        try {
            directory.close();
            if (socketDirectory.isPresent()) {
                FileTrees.delete(socketDirectory.get());
            }
            if (!keepData) {
                FileTrees.delete(directory.root());
            }
        } catch (IOException cleanupFailed) {
            LOG.warn("could not remove the embedded server's files in {}: {}", directory.root(), cleanupFailed.getMessage());
        }
    }

    private void checkLogin() throws SQLException {
        try (Connection connection = openConnection("");
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            version.next();
            if (!version.getString(1).startsWith(DISTRIBUTION.version())) {
                LOG.warn("the embedded server reports version {}, not {}", version.getString(1), DISTRIBUTION.version());
            }
        } catch (SQLException refused) {
            throw new SQLException("cannot log in as " + user() + " with the password in " + passwordFile() + " ("
                    + refused.getMessage() + "); if the file was changed, restore it or delete " + directory.root()
                    + " to start afresh (its databases are lost)", refused.getSQLState(), refused.getErrorCode(), refused);
        }
    }

    /** The server's version, e.g. {@code 11.4.5}. */
    public String version() {
        return DISTRIBUTION.version();
    }

    /** The server listens on loopback only. */
    public String host() {
        return ServerProcess.HOST;
    }

    public int port() {
        return process.port();
    }

    /** Its {@code server_id}, from {@link EmbeddedServerOptions#settings()}. */
    public long serverId() {
        return process.serverId();
    }

    /** MariaDB's data directory (with the binlog). */
    public Path dataDirectory() {
        return directory.dataDirectory();
    }

    /** A Connector/J URL for the database ({@code ""} for none); it carries no credentials. */
    public String jdbcUrl(String database) {
        return url(port(), database);
    }

    private static String url(int port, String database) {
        return "jdbc:mysql://" + ServerProcess.HOST + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20") + URL_PARAMETERS;
    }

    public String user() {
        return EmbeddedAccounts.USER;
    }

    public Password password() {
        return password;
    }

    /** The file holding {@link #password()}, mode 0600, kept with the data. */
    public Path passwordFile() {
        return directory.passwordFile();
    }

    public Path directory() {
        return directory.root();
    }

    /** The server's own log, for when something goes wrong. */
    public Path serverLog() {
        return directory.serverLog();
    }

    /** The command-line client that comes with the server. */
    public Path client() {
        return binaries.client();
    }

    /** A connection as {@link #user()}, which holds every privilege: what {@link Replication} needs. */
    public Connection openAdminConnection() throws SQLException {
        return openConnection("");
    }

    /** This server as a replication primary or replica. */
    public ReplicationEndpoint replicationEndpoint() {
        return new ReplicationEndpoint(host(), port(), this::openAdminConnection);
    }

    /** @param database the default database, or {@code ""} for none */
    public Connection openConnection(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user());
        credentials.setProperty("password", password.value());
        return DriverManager.getConnection(jdbcUrl(database), credentials);
    }

    /** Creates the database unless it exists; the name is quoted, so any name MySQL allows works. */
    public void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = openConnection("");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + SqlText.quoteIdentifier(database));
        }
    }

    /**
     * Until the returned action runs, a JVM shutdown leaves the server running (for at most a
     * minute): for a user whose own shutdown hook must close its connections first. {@link #close()}
     * does not wait for holds.
     */
    public Runnable holdStopOnShutdown() {
        CompletableFuture<Void> hold = new CompletableFuture<>();
        holds.add(hold);
        return () -> hold.complete(null);
    }

    /** Stops the server and, unless the data is to be kept, deletes its directory. Safe to call more than once. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run; stopping below is shared with it
        }
        stop();
    }

    private void stopOnShutdown() {
        try {
            CompletableFuture.allOf(holds.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notReleased) {
            LOG.warn("stopping the embedded server although its users have not finished within {} s",
                    SHUTDOWN_HOLD_LIMIT.toSeconds());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    /**
     * The first caller stops; a concurrent one (close() racing the shutdown hook) waits until the
     * server is down, because the JVM ends as soon as its hooks return.
     */
    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            stopProcessAndRemoveFiles();
        } finally {
            stopped.complete(null);
        }
    }

    private void stopProcessAndRemoveFiles() {
        if (!process.stop(STOP_GRACE)) {
            LOG.warn("the embedded server did not stop within {} s of SIGTERM and was killed; its last lines:\n{}",
                    STOP_GRACE.toSeconds(), process.outputTail());
        }
        releaseFiles(directory, keepData, socketDirectory);
        progress.accept(DISTRIBUTION.displayName() + " stopped" + (keepData ? "; its data stays in " + directory.root()
                : " and " + directory.root() + " deleted"));
    }
}
